import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../infra/sql/migrate.ts';
import { createPgClient } from '../../infra/sql/pg-client.ts';
import { openPgSession } from '../../infra/sql/pg-session.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { migrations } from '../../ops/migrations/index.ts';
import { createTestDatabase } from '../../test-support/databases.ts';
import { readCheckpoint, reached } from './checkpoints.ts';
import { startReadModelProjector } from './projector-runner.ts';
import { replayProjection } from './replay.ts';
import { appendSpread, countsFromLog, countsInSchema, projectorDeps } from './testing/runtime-fixture.ts';
import { streamCountsProjection } from './testing/stream-counts-projection.ts';

const things = { categories: ['thing'] };

describe('one active instance per projector, on PostgreSQL', () => {
  let disposers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const dispose of disposers.reverse()) await dispose();
    disposers = [];
  });

  async function database(): Promise<{ url: string; client: SqlClient }> {
    const created = await createTestDatabase();
    const client = createPgClient({ connectionString: created.url, maxConnections: 10 });
    await migrate(client, migrations);
    disposers.push(async () => {
      await client.close();
      await created.drop();
    });
    return { url: created.url, client };
  }

  it('a second instance waits while the first runs, then takes over without loss or duplication', async () => {
    const { url, client } = await database();
    let sessionsOpened = 0;
    const openSession = () => {
      sessionsOpened += 1;
      return openPgSession(url, 'qm-lease-test');
    };
    const deps = projectorDeps(client, { openSession });
    const projection = streamCountsProjection({ filter: things });
    const options = { batchSize: 20, leaseRetryMs: 50, leaseMs: 2000 };
    const first = await startReadModelProjector(deps, projection, options);
    await expect.poll(() => first.active, { timeout: 10_000 }).toBe(true);
    const second = await startReadModelProjector(deps, projection, options);
    disposers.push(() => second.stop());

    const early = await appendSpread(deps.store, 'thing', 6, 200);
    expect(await first.waitFor(early, 20_000)).toBe(true);
    expect(second.active).toBe(false);
    // The waiting instance sees the lock held over its pool: in ten of its retries it opened no
    // session of its own (each is a PostgreSQL backend started only to be refused).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sessionsOpened).toBe(1);

    // More events, and the first instance stops while (probably) still in the middle of them.
    const late = await appendSpread(deps.store, 'thing', 6, 200);
    await first.stop();
    await expect.poll(() => second.active, { timeout: 10_000 }).toBe(true);
    expect(await second.waitFor(late, 20_000)).toBe(true);
    expect(await countsInSchema(client, 'rm_stream_counts_g1')).toEqual(await countsFromLog(client, 'thing'));
  });

  it('crash: kill -9 a projector process mid-batch, restart it, and the model equals a rebuild', async () => {
    const { url, client } = await database();
    const deps = projectorDeps(client);
    const head = await appendSpread(deps.store, 'thing', 11, 1500);
    const script = join(import.meta.dirname, 'testing', 'run-stream-counts.ts');
    const children: ChildProcess[] = [];
    disposers.push(async () => {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    });
    const launch = async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', script], {
        env: { ...process.env, DATABASE_URL: url, DELAY_MS: '30', BATCH_SIZE: '40' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      await once(child.stdout, 'data');
      return child;
    };

    const doomed = await launch();
    // Let it apply some batches, then kill it with no chance to clean up (a batch is always open:
    // each one waits inside its transaction).
    await expect
      .poll(async () => (await readCheckpoint(client, 'stream_counts'))?.prepare ?? 0n, { timeout: 30_000 })
      .toBeGreaterThan(200n);
    doomed.kill('SIGKILL');
    await once(doomed, 'exit');
    expect(reached(await readCheckpoint(client, 'stream_counts'), head)).toBe(false);

    const survivor = await launch();
    await expect
      .poll(async () => reached(await readCheckpoint(client, 'stream_counts'), head), { timeout: 60_000 })
      .toBe(true);
    survivor.kill('SIGTERM');
    await once(survivor, 'exit');

    const live = await countsInSchema(client, 'rm_stream_counts_g1');
    expect(live).toEqual(await countsFromLog(client, 'thing'));
    await replayProjection(deps, {
      kind: 'read_model',
      projection: streamCountsProjection({ filter: things }),
    });
    expect(await countsInSchema(client, 'rm_stream_counts_g2')).toEqual(live);
  });
});
