import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AnyColumn, AnyTable, IndexDeclaration } from './table-declaration.ts';

/**
 * Creates declared tables and their indexes in a generation's empty schema, in the order given
 * (each table, then its indexes): the DDL a projection's `setup` runs.
 */
export async function createTables<Database>(
  db: Kysely<Database>,
  schema: string,
  tables: readonly AnyTable[],
): Promise<void> {
  const statements = tables.flatMap((table) => tableStatements(schema, table));
  // One statement per query: PGlite refuses several in one.
  for (const statement of statements) await statement.execute(db);
}

/** A declared table's `create table` and `create index` statements, in that order. */
export function tableStatements(schema: string, table: AnyTable): RawBuilder<unknown>[] {
  const name = sql`${sql.id(schema, table.name)}`;
  return [createTable(name, table), ...table.indexes.map((index) => createIndex(name, index))];
}

function createTable(name: RawBuilder<unknown>, table: AnyTable): RawBuilder<unknown> {
  const definitions = Object.entries(table.columns as Record<string, AnyColumn>).map(
    ([column, { sqlType, notNull, generated }]) => {
      const type = sql.raw(sqlType);
      if (generated !== undefined)
        return sql`${sql.id(column)} ${type} generated always as (${sql.raw(generated)}) stored`;
      return notNull ? sql`${sql.id(column)} ${type} not null` : sql`${sql.id(column)} ${type}`;
    },
  );
  const key = sql`primary key (${sql.join(table.primaryKey.map((column) => sql.id(column)))})`;
  return sql`create table ${name} (${sql.join([...definitions, key])})`;
}

function createIndex(table: RawBuilder<unknown>, index: IndexDeclaration): RawBuilder<unknown> {
  const unique = index.unique ? sql.raw('unique ') : sql.raw('');
  const using = index.using ? sql.raw(` using ${index.using}`) : sql.raw('');
  // Keys are a column and, optionally, its order or operator class: the column quoted, the rest as written.
  const keys = index.on.map((key) => {
    const [column, ...rest] = key.split(' ');
    return rest.length > 0 ? sql`${sql.id(column!)} ${sql.raw(rest.join(' '))}` : sql.id(column!);
  });
  const where = index.where === undefined ? sql.raw('') : sql` where ${sql.raw(index.where)}`;
  return sql`create ${unique}index ${sql.id(index.name)} on ${table}${using} (${sql.join(keys)})${where}`;
}
