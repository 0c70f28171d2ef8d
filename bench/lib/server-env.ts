import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteNatsStream } from '../../infra/bus/nats-bus.ts';
import { createTestDatabase } from '../../test-support/databases.ts';
import { serviceUrls } from '../../test-support/service-urls.ts';

/**
 * Server mode for a `qm serve` under benchmark: PostgreSQL (a database of its own), NATS (a
 * stream of its own), Redis, chDB. What it creates is removed by the cleanup pushed on `cleanups`.
 */
export async function benchServerEnv(
  cleanups: (() => Promise<void>)[],
  name = 'qm_bench_http',
): Promise<Record<string, string> & { DATABASE_URL: string }> {
  const database = await createTestDatabase(name);
  const urls = serviceUrls();
  const suffix = database.name.replace(/[^A-Za-z0-9]/g, '_');
  const chdb = mkdtempSync(join(tmpdir(), 'qm-bench-chdb-'));
  const stream = `QM_BENCH_${suffix}`;
  cleanups.push(async () => {
    await database.drop();
    rmSync(chdb, { recursive: true, force: true });
    await deleteNatsStream(urls.nats, stream);
  });
  return {
    DATABASE_URL: database.url,
    NATS_URL: urls.nats,
    NATS_STREAM: stream,
    NATS_SUBJECT_PREFIX: `bench_${suffix}`,
    REDIS_URL: urls.redis,
    CHDB_PATH: chdb,
    QM_DATA_DIR: chdb,
  };
}
