import { createHash, type Hash } from 'node:crypto';

/**
 * The backup file: gzip'd lines of text, read and written as streams (never whole in memory).
 *
 *   #quartermaster-backup<TAB>{"version":1,"createdAt":...,"tables":[...],"migrations":[...]}
 *   qm_events<TAB>{row as PostgreSQL's to_jsonb}        (one line per row, table after table)
 *   ...
 *   #manifest<TAB>{"tables":{"qm_events":{"rows":N,"sha256":"..."},...}}
 *
 * A table's checksum is the SHA-256 of its row lines' JSON, each followed by a newline, in file
 * order. `qm restore` checks every one before it writes anything.
 */
export const BACKUP_FORMAT = 'quartermaster-backup';
export const BACKUP_VERSION = 1;
const HEADER_TAG = `#${BACKUP_FORMAT}`;
const MANIFEST_TAG = '#manifest';

/**
 * What a backup holds: the event log and the records that cannot be rebuilt from it. Everything
 * else (read models, checkpoints, leases, ClickHouse) is rebuilt from the events after a restore.
 * Order matters on restore: the skips name events, so they follow them.
 */
export const BACKUP_TABLES = [
  'qm_events',
  'qm_streams',
  'qm_idempotency_keys',
  'qm_processed_webhooks',
  'qm_projection_skips',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export interface BackupHeader {
  version: number;
  createdAt: string;
  tables: string[];
  /** The migrations applied where the backup was taken: the restoring database must have them all. */
  migrations: string[];
}

export interface TableSum {
  rows: number;
  sha256: string;
}

export interface BackupManifest {
  tables: Record<string, TableSum>;
}

export const headerLine = (header: BackupHeader) => `${HEADER_TAG}\t${JSON.stringify(header)}\n`;
export const manifestLine = (manifest: BackupManifest) => `${MANIFEST_TAG}\t${JSON.stringify(manifest)}\n`;
export const rowLine = (table: string, json: string) => `${table}\t${json}\n`;

export type ParsedLine =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'manifest'; manifest: BackupManifest }
  | { kind: 'row'; table: string; json: string };

export class BackupFileError extends Error {}

/** One line of a backup file (without its newline). */
export function parseLine(line: string, lineNumber: number): ParsedLine {
  const tab = line.indexOf('\t');
  if (tab < 0) throw new BackupFileError(`line ${lineNumber}: not a backup line`);
  const tag = line.slice(0, tab);
  const rest = line.slice(tab + 1);
  if (tag === HEADER_TAG) {
    const header = JSON.parse(rest) as BackupHeader;
    if (header.version !== BACKUP_VERSION) {
      throw new BackupFileError(`backup format version ${header.version}; this qm reads ${BACKUP_VERSION}`);
    }
    return { kind: 'header', header };
  }
  if (tag === MANIFEST_TAG) return { kind: 'manifest', manifest: JSON.parse(rest) as BackupManifest };
  return { kind: 'row', table: tag, json: rest };
}

/** Per-table row counts and running SHA-256 sums, fed line by line on export and on restore alike. */
export class TableSums {
  private readonly sums = new Map<string, { rows: number; hash: Hash }>();

  add(table: string, json: string): void {
    let sum = this.sums.get(table);
    if (!sum) this.sums.set(table, (sum = { rows: 0, hash: createHash('sha256') }));
    sum.rows += 1;
    sum.hash.update(json).update('\n');
  }

  /** The manifest of every table named (a table without rows has the empty input's sum). */
  manifest(tables: readonly string[]): BackupManifest {
    return {
      tables: Object.fromEntries(
        tables.map((table) => {
          const sum = this.sums.get(table);
          return [table, { rows: sum?.rows ?? 0, sha256: (sum?.hash ?? createHash('sha256')).digest('hex') }];
        }),
      ),
    };
  }
}
