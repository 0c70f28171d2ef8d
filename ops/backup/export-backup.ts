import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Logger } from '../../infra/logging/logger.ts';
import type { SqlClient, SqlExecutor } from '../../infra/sql/sql-client.ts';
import {
  BACKUP_TABLES,
  BACKUP_VERSION,
  headerLine,
  manifestLine,
  rowLine,
  TableSums,
  type BackupManifest,
} from './backup-format.ts';
import { quoteIdent, tableShape, type TableShape } from './table-shape.ts';

/** Rows per read: bounds memory whatever the log's size. */
export const EXPORT_PAGE_ROWS = 2_000;

export interface BackupProgress {
  table: string;
  rows: number;
  /** Rows of every table together, done so far and in all. */
  done: number;
  total: number;
}

export interface BackupOptions {
  log: Pick<Logger, 'info'>;
  onProgress?: (progress: BackupProgress) => void;
  pageRows?: number;
}

/**
 * Writes a logical backup of the event log and the records that cannot be rebuilt from it (see
 * `BACKUP_TABLES`) to `file`, gzip'd, page by page. Every table is read in one repeatable-read
 * transaction, so the file is one consistent snapshot even while the app appends; being read-only,
 * it holds no transaction id and delays no reader of the log. Works on PostgreSQL and PGlite alike.
 */
export async function exportBackup(
  db: SqlClient,
  file: string,
  options: BackupOptions,
): Promise<BackupManifest> {
  const pageRows = options.pageRows ?? EXPORT_PAGE_ROWS;
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    const migrations = await tx.query<{ id: string }>('select id from qm_migrations order by id');
    // One after the other: the transaction is one connection, which runs one query at a time.
    const shapes: TableShape[] = [];
    const totals: number[] = [];
    for (const table of BACKUP_TABLES) {
      shapes.push(await tableShape(tx, table));
      const [count] = await tx.query<{ n: string }>(`select count(*)::text as n from ${source(table)}`);
      totals.push(Number(count!.n));
    }
    const total = totals.reduce((a, b) => a + b, 0);
    const sums = new TableSums();
    let done = 0;
    let manifest: BackupManifest | undefined;

    async function* lines(): AsyncGenerator<string> {
      yield headerLine({
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        tables: [...BACKUP_TABLES],
        migrations: migrations.map((m) => m.id),
      });
      for (const shape of shapes) {
        let rows = 0;
        for await (const page of pages(tx, shape, pageRows)) {
          let text = '';
          for (const json of page) {
            sums.add(shape.name, json);
            text += rowLine(shape.name, json);
          }
          yield text;
          rows += page.length;
          done += page.length;
          options.onProgress?.({ table: shape.name, rows, done, total });
        }
        options.log.info({ table: shape.name, rows }, 'backup: table exported');
      }
      manifest = sums.manifest(BACKUP_TABLES);
      yield manifestLine(manifest);
    }

    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
    return manifest!;
  });
}

/**
 * Where a table's rows are read from: the log is read whole, hot and archived (`qm archive`)
 * together, and restores into the hot table; run `qm archive` again after a restore.
 */
function source(table: string): string {
  return table === 'qm_events' ? 'qm_event_log' : quoteIdent(table);
}

/**
 * The order a table is read in: its primary key, except the log, read in its global order
 * (transaction id, then position) so that a restore can keep that order (see `restoreBackup`).
 */
function pageKey(shape: TableShape): TableShape['key'] {
  return shape.name === 'qm_events'
    ? [
        { column: 'tx_id', type: 'xid8' },
        { column: 'position', type: 'bigint' },
      ]
    : shape.key;
}

/** A table's rows as PostgreSQL's own JSON, a page at a time, paged by key (no cursor: PGlite has none). */
async function* pages(db: SqlExecutor, shape: TableShape, pageRows: number): AsyncGenerator<string[]> {
  const key = pageKey(shape);
  const columns = key.map((k, i) => `t.${quoteIdent(k.column)}::text as k${i}`).join(', ');
  const order = key.map((k) => `t.${quoteIdent(k.column)}`).join(', ');
  const after = `(${order}) > (${key.map((k, i) => `$${i + 1}::${k.type}`).join(', ')})`;
  let last: string[] | undefined;
  for (;;) {
    const rows = await db.query<Record<string, string>>(
      `select to_jsonb(t)::text as json, ${columns} from ${source(shape.name)} t
       ${last ? `where ${after}` : ''} order by ${order} limit ${pageRows}`,
      last ?? [],
    );
    if (rows.length === 0) return;
    yield rows.map((row) => row.json!);
    const tail = rows.at(-1)!;
    last = key.map((_, i) => tail[`k${i}`]!);
    if (rows.length < pageRows) return;
  }
}
