import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Logger } from '../../infra/logging/logger.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import {
  BACKUP_TABLES,
  BackupFileError,
  parseLine,
  TableSums,
  type BackupHeader,
  type BackupManifest,
} from './backup-format.ts';
import { quoteIdent, tableShape, type TableShape } from './table-shape.ts';

/** Rows per INSERT (and, for the log, at most per transaction). */
export const RESTORE_BATCH_ROWS = 1_000;

export interface RestoreProgress {
  table: string;
  done: number;
  total: number;
}

export interface RestoreOptions {
  log: Pick<Logger, 'info'>;
  onProgress?: (progress: RestoreProgress) => void;
  batchRows?: number;
}

/** The database already holds data: a restore would mix two histories. */
export class DatabaseNotEmpty extends Error {}

/** A backup file's lines, gunzipped, as they are read. */
async function* backupLines(file: string) {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line !== '') yield parseLine(line, number);
  }
}

/**
 * Reads the whole file once and checks it before anything is written: header first, manifest last,
 * and every table's row count and SHA-256 equal to the manifest's.
 */
export async function verifyBackup(
  file: string,
): Promise<{ header: BackupHeader; manifest: BackupManifest }> {
  let header: BackupHeader | undefined;
  let manifest: BackupManifest | undefined;
  const sums = new TableSums();
  for await (const line of backupLines(file)) {
    if (manifest) throw new BackupFileError(`${file}: lines after the manifest`);
    if (line.kind === 'header') header = line.header;
    else if (!header) throw new BackupFileError(`${file} is not a Quartermaster backup (no header line)`);
    else if (line.kind === 'manifest') manifest = line.manifest;
    else sums.add(line.table, line.json);
  }
  if (!header) throw new BackupFileError(`${file} is empty or not a Quartermaster backup`);
  if (!manifest)
    throw new BackupFileError(`${file} is cut short: it has no manifest (was the backup finished?)`);
  const found = sums.manifest(header.tables);
  for (const table of header.tables) {
    const expected = manifest.tables[table];
    const actual = found.tables[table]!;
    if (!expected || expected.rows !== actual.rows || expected.sha256 !== actual.sha256) {
      throw new BackupFileError(
        `${file}: ${table} does not match its checksum (manifest: ${expected?.rows ?? '?'} rows, sha256 ${expected?.sha256 ?? '?'}; ` +
          `file: ${actual.rows} rows, sha256 ${actual.sha256}). The file is damaged; use another backup.`,
      );
    }
  }
  return { header, manifest };
}

/**
 * Restores a backup into a database that has none of its tables' rows yet (a new one, migrated),
 * after checking the file (`verifyBackup`). Reads it as a stream and inserts in batches.
 *
 * The log keeps its positions and its global order, but not its transaction ids: those belong to
 * the database that wrote them, and readers see only ids below the oldest one running, so ids from
 * elsewhere could hide the log or sort new appends before it. Each batch is committed in a
 * transaction of its own and its rows take that transaction's id. A batch is cut wherever the next
 * row's position is below one already in it, so that within a batch (one id, ordered by position)
 * rows keep the file's order, which is the old global order. Projection skips name events by
 * (transaction id, position), so they are mapped to the new ids by event id at the end.
 */
export async function restoreBackup(
  db: SqlClient,
  file: string,
  options: RestoreOptions,
): Promise<BackupManifest> {
  const { header, manifest } = await verifyBackup(file);
  await refuseNonEmpty(db, header);
  const applied = new Set((await db.query<{ id: string }>('select id from qm_migrations')).map((r) => r.id));
  const missing = header.migrations.filter((id) => !applied.has(id));
  if (missing.length > 0) {
    throw new Error(
      `the backup comes from a newer schema (migrations ${missing.join(', ')}); restore it with that qm version`,
    );
  }
  const shapes = new Map<string, TableShape>();
  for (const table of header.tables) shapes.set(table, await tableShape(db, table));
  const total = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
  const batchRows = options.batchRows ?? RESTORE_BATCH_ROWS;

  let batch: string[] = [];
  let batchTable: string | undefined;
  let batchMaxPosition = -1;
  let done = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const shape = shapes.get(batchTable!)!;
    const payload = `[${batch.join(',')}]`;
    await db.transaction((tx) => tx.query(insertStatement(shape), [payload]));
    done += batch.length;
    options.onProgress?.({ table: shape.name, done, total });
    batch = [];
    batchMaxPosition = -1;
  };

  for await (const line of backupLines(file)) {
    if (line.kind !== 'row') continue;
    if (line.table !== batchTable) {
      await flush();
      if (batchTable)
        options.log.info(
          { table: batchTable, rows: manifest.tables[batchTable]?.rows },
          'restore: table restored',
        );
      batchTable = line.table;
    }
    if (line.table === 'qm_events') {
      const position = Number((JSON.parse(line.json) as { position: number | string }).position);
      if (position < batchMaxPosition) await flush();
      batchMaxPosition = Math.max(batchMaxPosition, position);
    }
    batch.push(line.json);
    if (batch.length >= batchRows) await flush();
  }
  await flush();
  if (batchTable)
    options.log.info(
      { table: batchTable, rows: manifest.tables[batchTable]?.rows },
      'restore: table restored',
    );

  await db.transaction(async (tx) => {
    // The next append continues after the restored positions.
    await tx.query(
      `select setval(pg_get_serial_sequence('qm_events', 'position'), coalesce(max(position), 1), max(position) is not null)
       from qm_events`,
    );
    await tx.query(
      `update qm_projection_skips s set commit_position = e.tx_id::text::numeric, prepare_position = e.position
       from qm_events e where e.event_id::text = s.event_id`,
    );
  });
  return manifest;
}

/** `insert … select` from a JSON array of rows as `to_jsonb` wrote them: the database parses every type back. */
function insertStatement(shape: TableShape): string {
  // The log's transaction ids are left to the column's default: the restoring transaction's own id.
  const columns = shape.insertable
    .filter((c) => !(shape.name === 'qm_events' && c === 'tx_id'))
    .map(quoteIdent);
  const table = quoteIdent(shape.name);
  return `insert into ${table} (${columns.join(', ')}) ${shape.hasIdentity ? 'overriding system value' : ''}
    select ${columns.join(', ')} from jsonb_populate_recordset(null::${table}, $1::jsonb)`;
}

async function refuseNonEmpty(db: SqlClient, header: BackupHeader): Promise<void> {
  const held: string[] = [];
  for (const table of header.tables.filter((t) => (BACKUP_TABLES as readonly string[]).includes(t))) {
    const [row] = await db.query<{ any: boolean }>(
      `select exists (select 1 from ${quoteIdent(table)}) as any`,
    );
    if (row?.any) held.push(table);
  }
  if (held.length > 0) {
    throw new DatabaseNotEmpty(
      `the database already holds data (${held.join(', ')}): qm restore only restores into an empty database, ` +
        'so that two histories never mix. Create a new database and point DATABASE_URL at it (or, embedded, set ' +
        'QM_DATA_DIR to a new folder), then run qm restore again.',
    );
  }
}
