/**
 * Set-based writes for batch-folding projections: a batch's changes go out as one multi-row
 * statement per table (chunked below PostgreSQL's 65,535 bind parameters), never one per event.
 */
import { sql, type Kysely } from 'kysely';
import type { RecordedEvent } from '../commands/ports/event-store.ts';

type Row = Record<string, unknown>;
type Untyped = Kysely<Record<string, Row>>;

/** The PostgreSQL type of each column a write sets (generated columns are left out). */
export type ColumnTypes = Record<string, 'text' | 'integer' | 'bigint' | 'boolean' | 'jsonb' | 'timestamptz'>;

/** Rows per statement: bounds memory, not parameters (each column is one array parameter). */
const CHUNK = 5_000;

/**
 * Inserts rows, or updates every non-key column of the row already there (`on conflict do
 * update`). Rows travel as one array per column through `unnest`, so a statement has as many bind
 * parameters as columns whatever the row count: far cheaper to build and parse than a VALUES list.
 * Keys must be unique within `rows`.
 */
export async function upsertRows<Database>(
  db: Kysely<Database>,
  table: keyof Database & string,
  keys: readonly string[],
  types: ColumnTypes,
  rows: readonly Row[],
): Promise<void> {
  const columns = Object.keys(types);
  const updated = columns.filter((column) => !keys.includes(column));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await insertUnnest(db, table, types, rows.slice(i, i + CHUNK))
      .onConflict((conflict) =>
        conflict
          .columns(keys)
          .doUpdateSet(Object.fromEntries(updated.map((column) => [column, sql.ref(`excluded.${column}`)]))),
      )
      .execute();
  }
}

/** Appends rows to an append-only table; a row whose key is already there is left as it is. */
export async function insertRows<Database>(
  db: Kysely<Database>,
  table: keyof Database & string,
  keys: readonly string[],
  types: ColumnTypes,
  rows: readonly Row[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await insertUnnest(db, table, types, rows.slice(i, i + CHUNK))
      .onConflict((conflict) => conflict.columns(keys).doNothing())
      .execute();
  }
}

function insertUnnest<Database>(
  db: Kysely<Database>,
  table: string,
  types: ColumnTypes,
  rows: readonly Row[],
) {
  const columns = Object.keys(types);
  const arrays = columns.map(
    (column) => sql`${rows.map((row) => row[column] ?? null)}::${sql.raw(types[column]!)}[]`,
  );
  return (db as unknown as Untyped)
    .insertInto(table)
    .columns(columns)
    .expression(sql`select * from unnest(${sql.join(arrays)})`);
}

/** When an event happened: the command's clock (deterministic on replay), else the store's. */
export function eventTime(event: RecordedEvent): string {
  return event.metadata.occurredAt ?? event.recordedAt;
}

/** A `timestamptz` as read back (Date from either driver) or as written (ISO string), as ISO text. */
export function isoTime(value: Date | string): string {
  return typeof value === 'string' ? new Date(value).toISOString() : value.toISOString();
}
