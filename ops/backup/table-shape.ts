import type { SqlExecutor } from '../../infra/sql/sql-client.ts';

/** What the backup needs to know of a table: the columns it writes and the key it pages by. */
export interface TableShape {
  name: string;
  /** Columns a restore inserts: every column but the generated ones (`qm_events.category`). */
  insertable: string[];
  /** Whether a column is `generated always as identity` (inserting it needs `overriding system value`). */
  hasIdentity: boolean;
  /** Primary key columns with their types, in key order: the export pages by them. */
  key: { column: string; type: string }[];
}

/** Read from the catalog, the same on PostgreSQL and PGlite, so no table's columns are listed by hand. */
export async function tableShape(db: SqlExecutor, table: string): Promise<TableShape> {
  const columns = await db.query<{ name: string; generated: string; identity: string }>(
    `select attname as name, attgenerated::text as generated, attidentity::text as identity
     from pg_attribute
     where attrelid = $1::regclass and attnum > 0 and not attisdropped
     order by attnum`,
    [table],
  );
  const key = await db.query<{ column: string; type: string }>(
    `select a.attname as column, format_type(a.atttypid, a.atttypmod) as type
     from pg_index i
     join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
     where i.indrelid = $1::regclass and i.indisprimary
     order by array_position(i.indkey::int2[], a.attnum)`,
    [table],
  );
  if (key.length === 0) throw new Error(`${table} has no primary key to page by`);
  return {
    name: table,
    insertable: columns.filter((c) => c.generated === '').map((c) => c.name),
    hasIdentity: columns.some((c) => c.identity !== ''),
    key,
  };
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
