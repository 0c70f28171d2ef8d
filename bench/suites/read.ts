import { writeResult } from '../lib/results.ts';
import { measureProjection } from './read-projection.ts';
import { measureReadApi } from './read-api.ts';
import { loginHashCost, measureLogin } from './read-login.ts';

/**
 * `npm run bench -- read`: the read side on PostgreSQL with Redis. Projection lag and replay speed
 * (beside a raw read of the log), then the read API under load (beside a Hono hello-world), all in
 * one run; writes bench/results/read-postgres.json.
 */
export async function readBench(options: { seconds: number }): Promise<void> {
  const projection = await measureProjection({ seconds: options.seconds });
  const api = await measureReadApi({ seconds: options.seconds });
  const login = await measureLogin({ seconds: options.seconds });
  writeResult({
    suite: 'read',
    backend: 'postgres',
    at: new Date().toISOString(),
    metrics: { ...projection, ...api, ...login },
    notes: [
      'Projection lag: the five real read models (catalog, inventory, orders, audit, replenishment) projected in the bench process at their default poll interval and woken by the writer’s NOTIFY as in server mode, while a second process writes 16 seeded mixed shop workloads through the real command handlers at 1,000 events/s; projection_lag_* pools every read model, read_side_lag_* is the slowest of the five per write.',
      'Replay: qm replay of each real read model (default batch size) over the same log written on by the shops, in log events per second, the better of two replays (read_all is the better of a raw read before and one after them); replay_events_per_s is the slowest read model.',
      'Read API: @hono/node-server in the bench process, autocannon (16 connections) in a second process.',
      'Cached = Redis read-through cache, warmed; uncached = every request computed from the read models.',
      `Login: POST /auth/login on the real write API over HTTP (16 connections, autocannon in a second process), 64 customers signed up and verified through the commands beforehand, guards on with login budgets no run reaches; each login verifies the password with ${loginHashCost()}, appends SessionStarted and LoginSucceeded (IP and user agent sealed) and signs an Ed25519 access token.`,
      "Limited = the same cached API behind the deployment's HTTP guards (security headers, per-address rate limit counted in Redis with a budget no run reaches, body limit, handler timeout); hello, cached and limited alternate, best of three each.",
    ],
  });
}
