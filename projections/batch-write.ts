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
import { createQueryId, sql, type Compilable, type CompiledQuery, type Kysely } from 'kysely';
import type { RecordedEvent } from '../ports/event-store.ts';

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
  const updated = Object.keys(types).filter((column) => !keys.includes(column));
  await writeInChunks(db, { kind: 'upsert', table, keys, types }, rows, (untyped, json) =>
    insertFrom(untyped, table, types, json).onConflict((conflict) =>
      conflict
        .columns(keys)
        .doUpdateSet(Object.fromEntries(updated.map((column) => [column, sql.ref(`excluded.${column}`)]))),
    ),
  );
}

/** Appends rows to an append-only table; a row whose key is already there is left as it is. */
export async function insertRows<Database>(
  db: Kysely<Database>,
  table: keyof Database & string,
  keys: readonly string[],
  types: ColumnTypes,
  rows: readonly Row[],
): Promise<void> {
  await writeInChunks(db, { kind: 'insert', table, keys, types }, rows, (untyped, json) =>
    insertFrom(untyped, table, types, json).onConflict((conflict) => conflict.columns(keys).doNothing()),
  );
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
  await writeInChunks(db, { kind: 'update', table, keys, types }, rows, (untyped, json) =>
    // The query builder, not raw SQL, so the read model's schema (`withSchema`) applies to the table.
    untyped
      .updateTable(name)
      .from(sql`(select * from ${recordset(types, json)})`.as('v'))
      .set(Object.fromEntries(set.map((column) => [column, sql.ref(`v.${column}`)])))
      .where((eb) => eb.and(keys.map((key) => eb(sql.ref(`${table}.${key}`), '=', sql.ref(`v.${key}`))))),
  );
}

/** `json_to_recordset($1) as r(column type, ...)`: the rows, typed, from one JSON parameter. */
function recordset(types: ColumnTypes, json: string) {
  const definitions = Object.entries(types).map(([column, type]) => sql`${sql.ref(column)} ${sql.raw(type)}`);
  return sql`json_to_recordset(${json}::json) as r(${sql.join(definitions)})`;
}

function insertFrom(db: Untyped, table: string, types: ColumnTypes, json: string) {
  const columns = Object.keys(types);
  return db
    .insertInto(table)
    .columns(columns)
    .expression(
      sql`select ${sql.join(columns.map((column) => sql.ref(`r.${column}`)))} from ${recordset(types, json)}`,
    );
}

type WriteShape = Omit<TableWrite, 'rows'>;

/**
 * Each write's statement, compiled once per schema and shape and then reused with the next rows:
 * building and compiling the same statement for every batch was about a sixth of a live
 * projector's CPU. The rows are the statement's only parameter, so only they change.
 */
const compiled = new Map<string, CompiledQuery>();
/** Bounds the cache: shapes are few, but every replay adds a schema. */
const MAX_COMPILED = 500;
/** The rows' placeholder while a statement compiles: it must come out as the only parameter. */
const ROWS = '[]';
/** What a Kysely instance's schema makes of a table name, which decides its statements' text. */
const scopes = new WeakMap<object, string>();

function scopeOf(db: Untyped): string {
  let scope = scopes.get(db);
  if (scope === undefined) scopes.set(db, (scope = db.selectFrom('t').selectAll().compile().sql));
  return scope;
}

async function writeInChunks<Database>(
  db: Kysely<Database>,
  shape: WriteShape,
  rows: readonly Row[],
  build: (db: Untyped, json: string) => Compilable,
): Promise<void> {
  if (rows.length === 0) return;
  const untyped = db as unknown as Untyped;
  const key = `${scopeOf(untyped)}|${shape.kind}|${shape.table}|${shape.keys.join()}|${JSON.stringify(shape.types)}`;
  let statement = compiled.get(key);
  if (!statement) {
    statement = build(untyped, ROWS).compile();
    if (statement.parameters.length !== 1 || statement.parameters[0] !== ROWS) {
      throw new Error(`the ${shape.kind} of ${shape.table} must have the rows as its only parameter`);
    }
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, statement);
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    const parameters = [JSON.stringify(rows.slice(i, i + CHUNK))];
    await untyped.executeQuery({ ...statement, queryId: createQueryId(), parameters });
  }
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
export async function writeTables<Database>(
  db: Kysely<Database>,
  writes: readonly TableWrite[],
): Promise<void> {
  for (const { kind, table, keys, types, rows } of writes) {
    if (rows.length === 0) continue;
    await writers[kind](db as unknown as Kysely<Record<string, Row>>, table, keys, types, rows);
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
