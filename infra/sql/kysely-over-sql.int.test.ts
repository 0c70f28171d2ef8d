import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteClient } from './pglite-client.ts';
import { kyselyOver } from './kysely-over-sql.ts';
import type { SqlClient } from './sql-client.ts';

describe('kyselyOver', () => {
  let client: SqlClient;
  beforeAll(async () => {
    client = await createPgliteClient();
    await client.query('create schema s1');
    await client.query('create table s1.items (id int primary key, name text not null)');
  });
  afterAll(() => client.close());

  it('runs Kysely queries inside the transaction the caller opened, scoped to a schema', async () => {
    await expect(
      client.transaction(async (tx) => {
        const db = kyselyOver<{ items: { id: number; name: string } }>(tx).withSchema('s1');
        await db.insertInto('items').values({ id: 1, name: 'one' }).execute();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const db = kyselyOver<{ items: { id: number; name: string } }>(client).withSchema('s1');
    await db.insertInto('items').values({ id: 2, name: 'two' }).execute();
    expect(await db.selectFrom('items').selectAll().execute()).toEqual([{ id: 2, name: 'two' }]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from s1.items`.execute(db);
    expect(rows).toEqual([{ n: 1 }]);
  });
});
