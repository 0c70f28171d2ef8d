import type { Hono } from 'hono';
import { systemApp } from '../ops/server/system-app.ts';
import { createLogger, type Logger } from '../infra/logging/logger.ts';
import type { ReadinessCheck } from '../ops/server/readiness.ts';
import { startProjectors } from '../ops/compose/projectors.ts';
import { customersProjection } from '../projections/customers/projection.ts';
import type { ReadSide } from '../ops/compose/read-side.ts';
import { createMetricsRegistry } from '../infra/metrics/registry.ts';
import { auditProjection } from '../projections/audit/projection.ts';
import { replenishmentProjection } from '../projections/replenishment/projection.ts';
import { reportsProjection } from '../projections/reports/projection.ts';
import { returnsProjection } from '../projections/returns/projection.ts';
import type { Backend } from './command-harness.ts';
import { readApiHarness, type ReadApiHarness } from './read-api-harness.ts';
import { writeApiOver, type WriteApiHarness } from './write-api-harness.ts';

export interface ServedApis {
  /** The command API and the read API mounted beside /health and /metrics, as `qm serve` serves them. */
  write: Hono;
  read: Hono;
  /** The read API app itself (its OpenAPI registry, its routes). */
  readApi: ReadSide['api'];
  /** The real write side, its projectors and the read side over one fresh database. */
  harness: ReadApiHarness & WriteApiHarness;
  /** Bearer tokens for an admin on each API (their harnesses sign with different secrets). */
  adminAuth: { write: string; read: string };
  close(): Promise<void>;
}

/**
 * Both APIs composed as `qm serve` composes them (ops/cli/commands/serve.ts), in-process: what a
 * client meets on each port, including the answers for paths nothing in the APIs handles.
 * Reads wait at most `readWaitMs` for a consistency token, so a far-future token costs little.
 */
export async function servedApis(
  backend: Backend,
  options: {
    readWaitMs?: number;
    /** Receives the request lines and 5xx causes (default: silent). */
    log?: Logger;
    metricsToken?: string;
    readiness?: readonly ReadinessCheck[];
  } = {},
): Promise<ServedApis> {
  const reader = await readApiHarness(backend, 'memory');
  // Its `token` signs for the write API from here on; the read API's tokens come from `reader`.
  const harness = writeApiOver(reader);
  const readSide = await harness.openReadSide({ waitMs: options.readWaitMs ?? 20 });
  const log = options.log ?? createLogger('silent');
  // The read models the harness leaves out, so every read route has its model, as under `qm serve`.
  const more = await startProjectors(
    { store: harness.store, database: harness.sql, log, metrics: createMetricsRegistry() },
    {
      readModels: [
        auditProjection(),
        replenishmentProjection(),
        customersProjection(),
        returnsProjection(),
        reportsProjection(),
      ],
      options: { pollIntervalMs: 5 },
    },
  );
  const port = (api: string) =>
    systemApp({
      api,
      store: harness.store,
      metrics: harness.metrics,
      log,
      ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
      ...(options.readiness ? { readiness: options.readiness } : {}),
    });
  const write = port('command');
  write.route('/', harness.app);
  const read = port('read');
  read.route('/', readSide.api);
  const bearer = (token: string) => `Bearer ${token}`;
  return {
    write,
    read,
    readApi: readSide.api,
    harness,
    adminAuth: {
      write: bearer(await harness.token('admin', 'admin-1')),
      read: bearer(await reader.token('admin', 'admin-1')),
    },
    async close() {
      await more.stop();
      await harness.close();
    },
  };
}
