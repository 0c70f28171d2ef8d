import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * Runs DDL one statement per query (PGlite refuses several in one). `table` names a table of the
 * generation's schema, quoted, for statements written with `sql`.
 */
export async function runDdl(
  db: Kysely<unknown>,
  schema: string,
  statements: (table: (name: string) => RawBuilder<unknown>) => RawBuilder<unknown>[],
): Promise<void> {
  const table = (name: string) => sql`${sql.id(schema, name)}`;
  for (const statement of statements(table)) await statement.execute(db);
}
