import { writeResult } from '../lib/results.ts';
import { measureProjection } from './read-projection.ts';
import { measureReadApi } from './read-api.ts';

/**
 * `npm run bench -- read`: the read side on PostgreSQL with Redis. Projection lag and replay speed
 * (beside a raw read of the log), then the read API under load (beside a Hono hello-world), all in
 * one run; writes bench/results/read-postgres.json.
 */
export async function readBench(options: { seconds: number }): Promise<void> {
  const projection = await measureProjection({ seconds: options.seconds });
  const api = await measureReadApi({ seconds: options.seconds });
  writeResult({
    suite: 'read',
    backend: 'postgres',
    at: new Date().toISOString(),
    metrics: { ...projection, ...api },
    notes: [
      'Read API: @hono/node-server in the bench process, autocannon (16 connections) in a second process.',
      'Cached = Redis read-through cache, warmed; uncached = every request computed from the read models.',
    ],
  });
}
