import type { SqlClient } from '../infra/sql/sql-client.ts';

/**
 * Every constraint a write can break in the given schemas, read from PostgreSQL's catalog: primary
 * keys, unique constraints and unique indexes (partial ones too), checks, foreign keys, exclusions
 * and NOT NULL columns. Each is named `<label>.<table>: <constraint or index name>`, or
 * `<label>.<table>.<column>: not null`, where `label` names the schema as `schemas` maps it.
 */
export async function readConstraints(client: SqlClient, schemas: Record<string, string>): Promise<string[]> {
  const list = Object.keys(schemas)
    .map((schema) => `'${schema.replaceAll("'", "''")}'`)
    .join(', ');
  const rows = await client.query<{ schema: string; table: string; name: string }>(
    `select n.nspname as schema, c.relname as table, con.conname as name
       from pg_constraint con
       join pg_class c on c.oid = con.conrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in (${list}) and con.contype in ('p', 'u', 'c', 'f', 'x')
     union all
     select n.nspname, c.relname, i.relname
       from pg_index x
       join pg_class i on i.oid = x.indexrelid
       join pg_class c on c.oid = x.indrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in (${list}) and x.indisunique
        and not exists (select 1 from pg_constraint con where con.conindid = x.indexrelid)
     union all
     select n.nspname, c.relname, a.attname || ': not null'
       from pg_attribute a
       join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in (${list}) and c.relkind in ('r', 'p') and a.attnum > 0
        and not a.attisdropped and a.attnotnull`,
  );
  return rows
    .map(({ schema, table, name }) =>
      name.endsWith(': not null')
        ? `${schemas[schema]}.${table}.${name}`
        : `${schemas[schema]}.${table}: ${name}`,
    )
    .sort();
}
