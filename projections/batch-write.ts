/**
 * Set-based writes for batch-folding projections: a batch's changes go out as one multi-row
 * statement per table, never one per event. The rows travel as ONE parameter, a JSON array that
 * `json_to_recordset` turns back into typed rows: one `JSON.stringify` of the batch, where one
 * array per column (`unnest`) had the driver escape every element of every array, and jsonb
 * columns (an order's whole state) were serialized twice. Replaying orders went from about 27,000
 * to 31,000-35,000 log events/s.
 *
 * jsonb columns take the value itself (object, array, null), not its JSON text.
 */
import { sql, type Kysely } from 'kysely';
import type { RecordedEvent } from '../commands/ports/event-store.ts';

type Row = Record<string, unknown>;
type Untyped = Kysely<Record<string, Row>>;

/** The PostgreSQL type of each column a write sets (generated columns are left out). */
export type ColumnTypes = Record<
  string,
  'text' | 'integer' | 'bigint' | 'double precision' | 'boolean' | 'json' | 'jsonb' | 'timestamptz'
>;

/** Rows per statement: bounds the size of one parameter. */
const CHUNK = 5_000;

/**
 * Inserts rows, or updates every non-key column of the row already there (`on conflict do
 * update`). Keys must be unique within `rows`.
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
    await insertFrom(db, table, types, rows.slice(i, i + CHUNK))
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
    await insertFrom(db, table, types, rows.slice(i, i + CHUNK))
      .onConflict((conflict) => conflict.columns(keys).doNothing())
      .execute();
  }
}

/**
 * Sets the given columns of rows already there, matched by `keys` (`update ... from`);
 * a row with no match changes nothing. Keys must be unique within `rows`.
 */
export async function updateRows<Database>(
  db: Kysely<Database>,
  table: keyof Database & string,
  keys: readonly string[],
  types: ColumnTypes,
  rows: readonly Row[],
): Promise<void> {
  const set = Object.keys(types).filter((column) => !keys.includes(column));
  const name: string = table;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const given = sql`(select * from ${recordset(types, rows.slice(i, i + CHUNK))})`;
    // The query builder, not raw SQL, so the read model's schema (`withSchema`) applies to the table.
    await (db as unknown as Untyped)
      .updateTable(name)
      .from(given.as('v'))
      .set(Object.fromEntries(set.map((column) => [column, sql.ref(`v.${column}`)])))
      .where((eb) => eb.and(keys.map((key) => eb(sql.ref(`${table}.${key}`), '=', sql.ref(`v.${key}`)))))
      .execute();
  }
}

/** `json_to_recordset($1) as r(column type, ...)`: the rows, typed, from one JSON parameter. */
function recordset(types: ColumnTypes, rows: readonly Row[]) {
  const definitions = Object.entries(types).map(([column, type]) => sql`${sql.ref(column)} ${sql.raw(type)}`);
  return sql`json_to_recordset(${JSON.stringify(rows)}::json) as r(${sql.join(definitions)})`;
}

function insertFrom<Database>(db: Kysely<Database>, table: string, types: ColumnTypes, rows: readonly Row[]) {
  const columns = Object.keys(types);
  return (db as unknown as Untyped)
    .insertInto(table)
    .columns(columns)
    .expression(
      sql`select ${sql.join(columns.map((column) => sql.ref(`r.${column}`)))} from ${recordset(types, rows)}`,
    );
}

/**
 * One table's share of a batch's changes, as data: what a staged projection's fold returns, so that
 * the live projector (`writeTables`) and a replay's bulk writer can each write it their own way.
 */
export interface TableWrite {
  /**
   * `upsert`: insert, or replace the row with the same key (`upsertRows`); `insert`: append, a key
   * already there left as it is (`insertRows`); `update`: set columns of rows already there
   * (`updateRows`).
   */
  kind: 'upsert' | 'insert' | 'update';
  table: string;
  keys: readonly string[];
  types: ColumnTypes;
  rows: readonly Row[];
}

const writers = { upsert: upsertRows, insert: insertRows, update: updateRows } as const;

/** Writes a fold's table writes, in order, through `db` (in the batch's transaction). */
export async function writeTables(db: Kysely<unknown>, writes: readonly TableWrite[]): Promise<void> {
  for (const { kind, table, keys, types, rows } of writes) {
    if (rows.length > 0) await writers[kind](db as Kysely<Record<string, Row>>, table, keys, types, rows);
  }
}

/** When an event happened: the command's clock (deterministic on replay), else the store's. */
export function eventTime(event: RecordedEvent): string {
  return event.metadata.occurredAt ?? event.recordedAt;
}

/** A `timestamptz` as read back (Date from either driver) or as written (ISO string), as ISO text. */
export function isoTime(value: Date | string): string {
  return typeof value === 'string' ? new Date(value).toISOString() : value.toISOString();
}
