/**
 * A projector process for the crash test: the runtime's test read model on DATABASE_URL, with a
 * pause inside each batch's transaction so that a kill -9 lands mid-batch. Runs until SIGTERM.
 */
import { once } from 'node:events';
import { createSqlEventStore } from '../../../infra/event-store/sql/sql-event-store.ts';
import { createLogger } from '../../../infra/logging/logger.ts';
import { createMetricsRegistry } from '../../../infra/metrics/registry.ts';
import { createPgClient } from '../../../infra/sql/pg-client.ts';
import { openPgSession } from '../../../infra/sql/pg-session.ts';
import { startReadModelProjector } from '../projector-runner.ts';
import { streamCountsProjection } from './stream-counts-projection.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const database = createPgClient({ connectionString: url, maxConnections: 4 });
const projector = await startReadModelProjector(
  {
    store: createSqlEventStore(database),
    database,
    log: createLogger(process.env.LOG_LEVEL ?? 'warn'),
    metrics: createMetricsRegistry(),
    openSession: () => openPgSession(url, 'qm-crash-test'),
  },
  streamCountsProjection({ filter: { categories: ['thing'] }, delayMs: Number(process.env.DELAY_MS ?? 20) }),
  { batchSize: Number(process.env.BATCH_SIZE ?? 50), leaseRetryMs: 100, pollIntervalMs: 10 },
);
process.stdout.write('started\n');
await Promise.race([once(process, 'SIGTERM'), once(process, 'SIGINT')]);
await projector.stop();
await database.close();
