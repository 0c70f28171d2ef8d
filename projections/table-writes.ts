/**
 * A fold's table writes, typed by the table's declaration: the rows must have exactly the table's
 * written columns (a missing or an extra one does not compile), and the key and column types come
 * from the declaration instead of being spelled again beside each write.
 */
import type { TableWrite } from './batch-write.ts';
import type { AnyTable, WriteRow } from './table-declaration.ts';

/** `R`, with any key that `Row` does not have turned into an error. */
type Exactly<R, Row> = R & Record<Exclude<keyof R, keyof Row>, never>;

/** Insert, or replace every non-key column of the row with the same primary key. */
export function upsert<T extends AnyTable, R extends WriteRow<T>>(
  table: T,
  rows: readonly Exactly<R, WriteRow<T>>[],
): TableWrite {
  return { kind: 'upsert', table: table.name, keys: table.primaryKey, types: table.types, rows };
}

/** Append; a row whose primary key is already there is left as it is. */
export function insert<T extends AnyTable, R extends WriteRow<T>>(
  table: T,
  rows: readonly Exactly<R, WriteRow<T>>[],
): TableWrite {
  return { kind: 'insert', table: table.name, keys: table.primaryKey, types: table.types, rows };
}

/** The rows of an `update`: the primary key and the columns it sets. */
export type UpdateRow<T extends AnyTable, C> = Pick<
  WriteRow<T>,
  (C | T['primaryKey'][number]) & keyof WriteRow<T>
>;

/** Set `columns` of rows already there, matched by primary key. */
export function update<
  T extends AnyTable,
  const C extends keyof WriteRow<T> & string,
  R extends UpdateRow<T, C>,
>(table: T, columns: readonly C[], rows: readonly Exactly<R, UpdateRow<T, C>>[]): TableWrite {
  const set = new Set<string>([...table.primaryKey, ...columns]);
  const types = Object.fromEntries(Object.entries(table.types).filter(([column]) => set.has(column)));
  return { kind: 'update', table: table.name, keys: table.primaryKey, types, rows };
}
