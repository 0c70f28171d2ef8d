import type { SqlExecutor } from '../../infra/sql/sql-client.ts';

/**
 * A checksum per table of a schema: md5 of every row's text form, in a fixed order. Two
 * generations built from the same log must checksum equal (rebuild equals live).
 */
export async function checksumSchema(db: SqlExecutor, schema: string): Promise<Record<string, string>> {
  const tables = await db.query<{ table_name: string }>(
    `select table_name from information_schema.tables
     where table_schema = $1 and table_type = 'BASE TABLE' order by table_name`,
    [schema],
  );
  const sums: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    const [row] = await db.query<{ sum: string }>(
      `select md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as sum from "${schema}"."${table}" t`,
    );
    sums[table] = row!.sum;
  }
  return sums;
}
