import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../infra/config/config.ts';
import { createLogger } from '../../infra/logging/logger.ts';
import type { SqlExecutor } from '../../infra/sql/sql-client.ts';
import { recordShopHistory } from '../../test-support/shop-history.ts';
import { checksumSchema } from '../../projections/runtime/checksum.ts';
import { activeSchema } from '../../projections/runtime/checkpoints.ts';
import { replayProjection } from '../../projections/runtime/replay.ts';
import { commandHarness, type Backend } from '../../test-support/command-harness.ts';
import { createTestDatabase, type TestDatabase } from '../../test-support/databases.ts';
import { openDeploymentAnalytics } from '../compose/analytics.ts';
import { deploymentReadModels, openProjectorContext } from '../compose/projectors.ts';
import { BackupFileError } from './backup-format.ts';
import { exportBackup } from './export-backup.ts';
import { rebuildFromEvents, rebuiltAfterRestore } from './rebuild-from-events.ts';
import { DatabaseNotEmpty, restoreBackup } from './restore-backup.ts';
import { notedEvent } from '../../test-support/noted-event.ts';

const log = createLogger('silent');
const scratch = mkdtempSync(join(tmpdir(), 'qm-backup-'));
/** chDB binds one folder per process: both cases share it, each with a database of its own. */
const chdbPath = join(scratch, 'chdb');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Per read model, per table: the checksum of every row (projections/runtime/checksum.ts). A restore
 * gives the log new transaction ids (see restoreBackup), and the audit keeps each entry's
 * transaction id (`position_commit`) to order entries by: there, the id is replaced by the entry's
 * rank in (commit, prepare) order, so the checksum proves the same rows in the same order.
 */
async function readModelSums(db: SqlExecutor, names: readonly string[]) {
  const sums: Record<string, Record<string, string>> = {};
  for (const name of names) {
    const schema = await activeSchema(db, name);
    sums[name] = await checksumSchema(db, schema);
    if (name === 'audit') {
      const [row] = await db.query<{ sum: string }>(
        `select md5(coalesce(string_agg(r::text, E'\\n' order by r::text), '')) as sum from (
           select (to_jsonb(t) - 'position_commit')
             || jsonb_build_object('position_rank', row_number() over (order by position_commit, position_prepare)) as r
           from "${schema}".audit_entries t) ranked`,
      );
      sums[name].audit_entries = `ranked:${row!.sum}`;
    }
  }
  return sums;
}

/** The log as a reader sees it, in global order, without the positions (a restore renumbers transactions). */
const logContent = (
  events: { id: string; stream: string; revision: number; type: string; data: unknown }[],
) => events.map(({ id, stream, revision, type, data }) => ({ id, stream, revision, type, data }));

describe.each<Backend>(['pglite', 'postgres'])(
  'qm backup, then qm restore into an empty database (%s)',
  (backend) => {
    const target: { database?: TestDatabase } = {};
    afterAll(async () => {
      await target.database?.drop();
    });

    it(
      'restores the log, and the rebuilt read models checksum equal to those before the backup',
      { timeout: 600_000 },
      async () => {
        const source = await commandHarness(backend);
        const file = join(scratch, `${backend}.qmbackup.gz`);
        let before: Record<string, Record<string, string>>;
        let sourceLog: ReturnType<typeof logContent>;
        const readModels = deploymentReadModels().map((p) => p.name);
        try {
          await recordShopHistory(source, 6);
          await source.handlers.createProduct(
            {
              productId: 'p3',
              sku: 'C',
              name: 'Zange "NUL-free" ünïcode \\ tab\t',
              price: { amount: 990, currency: 'EUR' },
              description: 'line\nbreak',
              brand: 'Acme',
              category: 'tools',
              attributes: { colour: 'red' },
              allowBackorder: true,
            },
            source.context(),
          );
          // Concurrent appends (on PostgreSQL): transactions may commit out of position order, which is
          // the case the restore's batch cuts keep in order.
          await Promise.all(
            Array.from({ length: 40 }, (_, i) =>
              source.store.append(
                `note-c${i}`,
                [notedEvent('Noted', '2026-12-05T00:00:00.000Z')],
                'no_stream',
              ),
            ),
          );
          for (const projection of deploymentReadModels()) {
            await replayProjection(
              { store: source.store, database: source.sql, log },
              { kind: 'read_model', projection },
            );
          }
          before = await readModelSums(source.sql, readModels);
          sourceLog = logContent(await source.store.readAll({ maxCount: 100_000 }));
          // Small pages and batches, so that paging and batch cuts are exercised on a small log.
          const manifest = await exportBackup(source.sql, file, { log, pageRows: 7 });
          expect(manifest.tables.qm_events?.rows).toBe(sourceLog.length);
          expect(manifest.tables.qm_streams?.rows).toBeGreaterThan(0);
        } finally {
          await source.dispose();
        }

        const env: Record<string, string> =
          backend === 'postgres'
            ? { DATABASE_URL: (target.database = await createTestDatabase('qm_restore')).url }
            : { QM_DATA_DIR: join(scratch, 'restored-root') };
        const config = loadConfig({
          ...env,
          CHDB_PATH: chdbPath,
          CLICKHOUSE_DATABASE: `qm_restore_${backend}`,
          LOG_LEVEL: 'silent',
        });
        const context = await openProjectorContext(config, log);
        try {
          const restored = await restoreBackup(context.database, file, { log, batchRows: 5 });
          expect(restored.tables.qm_events?.rows).toBe(sourceLog.length);
          expect(logContent(await context.store.readAll({ maxCount: 100_000 }))).toEqual(sourceLog);

          await rebuildFromEvents(context, rebuiltAfterRestore(context));
          expect(await readModelSums(context.database, readModels)).toEqual(before);

          const analytics = await openDeploymentAnalytics(config, log);
          try {
            const rows = await (
              await analytics.client.query({
                query: 'SELECT count(DISTINCT event_id) AS events FROM raw_events',
                format: 'JSONEachRow',
              })
            ).json<{ events: string | number }>();
            expect(Number(rows[0]?.events)).toBe(sourceLog.length);
          } finally {
            await analytics.close();
          }

          // New appends go after the restored log, not among it.
          const head = await context.store.headPosition();
          const appended = await context.store.append(
            'note-afterrestore',
            [notedEvent('Noted', '2026-12-05T00:00:00.000Z')],
            'no_stream',
          );
          const tail = await context.store.readAll({ maxCount: 100_000 });
          expect(tail.at(-1)?.stream).toBe('note-afterrestore');
          expect(appended.position).not.toEqual(head);

          await expect(restoreBackup(context.database, file, { log })).rejects.toThrow(DatabaseNotEmpty);
          await expect(restoreBackup(context.database, file, { log })).rejects.toThrow(
            /only restores into an empty database.*Create a new database/,
          );
        } finally {
          await context.close();
        }
      },
    );
  },
);

describe('a damaged backup', () => {
  it(
    'is refused before anything is written, naming the table whose checksum fails',
    { timeout: 300_000 },
    async () => {
      const source = await commandHarness('pglite');
      const file = join(scratch, 'damaged.qmbackup.gz');
      try {
        await recordShopHistory(source, 2);
        await exportBackup(source.sql, file, { log });
      } finally {
        await source.dispose();
      }
      const text = gunzipSync(readFileSync(file)).toString('utf8');
      writeFileSync(file, gzipSync(text.replace('"Hammer"', '"Hamster"')));
      const config = loadConfig({
        QM_DATA_DIR: 'memory://damaged',
        CHDB_PATH: chdbPath,
        LOG_LEVEL: 'silent',
      });
      const context = await openProjectorContext(config, log);
      try {
        await expect(restoreBackup(context.database, file, { log })).rejects.toThrow(BackupFileError);
        await expect(restoreBackup(context.database, file, { log })).rejects.toThrow(
          /qm_events does not match/,
        );
        expect(await context.store.headPosition()).toBeNull();
        writeFileSync(file, gzipSync(text.split('\n').slice(0, -3).join('\n')));
        await expect(restoreBackup(context.database, file, { log })).rejects.toThrow(/cut short/);
      } finally {
        await context.close();
      }
    },
  );
});
