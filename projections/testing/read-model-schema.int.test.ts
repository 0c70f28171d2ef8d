import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readModelProjections } from '../read-models.ts';
import { openSpecDatabase, type SpecDatabase } from '../../test-support/projection-spec.ts';

/**
 * Each read model's schema as PostgreSQL reports it (columns, constraints, indexes), against a
 * snapshot: the DDL is derived from the table declarations, so a change to how it is derived shows
 * up here as a changed schema, not as a silently different one.
 */
describe.each(['pglite', 'postgres'] as const)('read-model schema on %s', (backend) => {
  let database: SpecDatabase;
  beforeAll(async () => void (database = await openSpecDatabase(backend)));
  afterAll(async () => database.dispose());

  it.each(readModelProjections().map((p) => [p.name, p] as const))(
    'creates the %s tables as declared',
    async (name, projection) => {
      const { schema } = await database.spec(projection);
      const columns = await database.client.query(
        `select table_name, column_name, ordinal_position, data_type, is_nullable, column_default,
                is_generated, generation_expression
           from information_schema.columns where table_schema = $1
          order by table_name, ordinal_position`,
        [schema],
      );
      // Not-null constraints (PostgreSQL 18 lists them) are left out: `is_nullable` says the same.
      const constraints = await database.client.query(
        `select c.conrelid::regclass::text as table_name, c.conname, c.contype,
                pg_get_constraintdef(c.oid) as definition
           from pg_constraint c join pg_namespace n on n.oid = c.connamespace
          where n.nspname = $1 and c.contype <> 'n' order by 1, 2`,
        [schema],
      );
      const indexes = await database.client.query(
        `select tablename, indexname, indexdef from pg_indexes where schemaname = $1 order by 1, 2`,
        [schema],
      );
      const text = JSON.stringify({ columns, constraints, indexes }, null, 2).replaceAll(schema, '<schema>');
      await expect(text).toMatchFileSnapshot(`./__snapshots__/read-model-schema.${name}.${backend}.json`);
    },
  );
});
