/**
 * Set-based writes for batch-folding projections: a batch's changes go out as one multi-row
 * statement per table (chunked below PostgreSQL's 65,535 bind parameters), never one per event.
 */
import { sql, type Kysely } from 'kysely';
import type { RecordedEvent } from '../commands/ports/event-store.ts';

type Row = Record<string, unknown>;
type Untyped = Kysely<Record<string, Row>>;

const MAX_PARAMS = 60_000;

/** Inserts rows, or updates every non-key column of the row already there (`on conflict do update`). */
export async function upsertRows<Database>(
  db: Kysely<Database>,
  table: keyof Database & string,
  keys: readonly string[],
  rows: readonly Row[],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const into: string = table;
  const columns = Object.keys(first).filter((column) => !keys.includes(column));
  for (const chunk of chunks(rows, first)) {
    await (db as unknown as Untyped)
      .insertInto(into)
      .values(chunk)
      .onConflict((conflict) =>
        conflict
          .columns(keys)
          .doUpdateSet(Object.fromEntries(columns.map((column) => [column, sql.ref(`excluded.${column}`)]))),
      )
      .execute();
  }
}

/** Appends rows to an append-only table; a row whose key is already there is left as it is. */
export async function insertRows<Database>(
  db: Kysely<Database>,
  table: keyof Database & string,
  keys: readonly string[],
  rows: readonly Row[],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  for (const chunk of chunks(rows, first)) {
    await (db as unknown as Untyped)
      .insertInto(table)
      .values(chunk)
      .onConflict((conflict) => conflict.columns(keys).doNothing())
      .execute();
  }
}

function* chunks(rows: readonly Row[], first: Row): Generator<Row[]> {
  const size = Math.max(1, Math.floor(MAX_PARAMS / Math.max(1, Object.keys(first).length)));
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** When an event happened: the command's clock (deterministic on replay), else the store's. */
export function eventTime(event: RecordedEvent): string {
  return event.metadata.occurredAt ?? event.recordedAt;
}

/** A `timestamptz` as read back (Date from either driver) or as written (ISO string), as ISO text. */
export function isoTime(value: Date | string): string {
  return typeof value === 'string' ? new Date(value).toISOString() : value.toISOString();
}
