import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test-support/databases.ts';
import { inlineParameters } from './inline-parameters.ts';
import { kyselyWritesAtCommit } from './kysely-over-sql.ts';
import { createPgClient } from './pg-client.ts';
import type { SqlClient, SqlExecutor } from './sql-client.ts';
import { propertyRuns } from '../../test-support/property-runs.ts';

/** A client on a fresh PostgreSQL database holding `table`, for the describe block it is called in. */
function withTable(prefix: string, table: string, maxConnections = 4): { client: () => SqlClient } {
  let client: SqlClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createTestDatabase(prefix);
    drop = database.drop;
    client = createPgClient({ connectionString: database.url, maxConnections });
    await client.query(table);
  });
  afterAll(async () => {
    await client.close();
    await drop();
  });
  return { client: () => client };
}

describe('statements deferred to the commit (pg)', () => {
  const db = withTable(
    'qm_test_at_commit',
    `create table items (id int primary key, name text, tags text[], doc jsonb, at timestamptz, n numeric)`,
  );

  const insert = `insert into items (id, name, tags, doc, at, n) values ($1, $2, $3, $4, $5, $6)`;
  const read = async (id: number) =>
    (await db.client().query(`select name, tags, doc, at, n::text as n from items where id = $1`, [id]))[0];

  it('inlined parameters mean what the same parameters mean (random text, arrays, JSON, times, numbers)', async () => {
    // Far above the fixed ids of the tests below (1000, 2000...), however many runs QM_PROPERTY_RUNS asks for.
    let id = 1_000_000_000;
    const text = fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replaceAll('\0', ''));
    await fc.assert(
      fc.asyncProperty(
        fc.option(text),
        fc.array(text, { maxLength: 4 }),
        fc.option(fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown)),
        fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.oneof(fc.integer(), fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String)),
        async (name, tags, doc, at, n) => {
          const params = [name, tags, doc === null ? null : JSON.stringify(doc), at, n];
          const [byParameter, byLiteral] = [++id, ++id];
          await db.client().query(insert, [byParameter, ...params]);
          await db.client().transaction(async (tx) => tx.atCommit!(insert, [byLiteral, ...params]));
          expect(await read(byLiteral)).toEqual(await read(byParameter));
        },
      ),
      { numRuns: propertyRuns(150) },
    );
  });

  it('runs deferred statements in order with the COMMIT, after the immediate ones', async () => {
    await db.client().transaction(async (tx) => {
      tx.atCommit!(`update items set name = $2 where id = $1`, [1000, 'late']);
      await tx.query(insert, [1000, 'early', [], null, new Date(), 1]);
      tx.atCommit!(`update items set n = n + $2 where id = $1`, [1000, 41]);
      // Nothing deferred has run yet.
      expect(await tx.query(`select name from items where id = 1000`)).toEqual([{ name: 'early' }]);
    });
    expect(await read(1000)).toMatchObject({ name: 'late', n: '42' });
  });

  it('rolls everything back when a deferred statement fails, and throws its error', async () => {
    const failed = db.client().transaction(async (tx) => {
      await tx.query(insert, [2000, 'kept?', [], null, new Date(), 1]);
      tx.atCommit!(insert, [2001, 'x', [], null, new Date(), 1]);
      tx.atCommit!(insert, [2000, 'duplicate key', [], null, new Date(), 1]);
    });
    await expect(failed).rejects.toMatchObject({ code: '23505' });
    expect(await db.client().query(`select id from items where id in (2000, 2001)`)).toEqual([]);
    // The connection went back to the pool in a usable state.
    await db
      .client()
      .transaction(async (tx) => tx.atCommit!(insert, [2002, 'after', [], null, new Date(), 1]));
    expect(await read(2002)).toMatchObject({ name: 'after' });
  });

  it('refuses statements with literals of their own, where a placeholder could hide', () => {
    expect(() => inlineParameters(`select '$1', $1`, ['x'])).toThrow(/own literals/);
    expect(() => inlineParameters(`select $2`, ['x'])).toThrow(/\$2 has no parameter/);
  });
});

describe('kyselyWritesAtCommit (pg)', () => {
  const db = withTable('qm_test_writes_at_commit', `create table t (id int primary key, n int not null)`);

  type Db = { t: { id: number; n: number } };
  const xid = async (tx: SqlExecutor) =>
    (await tx.query<{ xid: string | null }>(`select pg_current_xact_id_if_assigned()::text as xid`))[0]!.xid;

  it('reads at once, holds plain writes back to the commit, so the transaction has no id until then', async () => {
    await db.client().query(`insert into t values (1, 1)`);
    await db.client().transaction(async (tx) => {
      const db = kyselyWritesAtCommit<Db>(tx);
      expect(await db.selectFrom('t').select('n').where('id', '=', 1).executeTakeFirst()).toEqual({ n: 1 });
      await db.updateTable('t').set({ n: 2 }).where('id', '=', 1).execute();
      await db.insertInto('t').values({ id: 2, n: 20 }).execute();
      expect(await xid(tx)).toBeNull();
    });
    expect(await db.client().query(`select id, n from t order by id`)).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 20 },
    ]);
  });

  it('refuses a read (or a write whose answer is needed) after a write it held back', async () => {
    const reads = db.client().transaction(async (tx) => {
      const db = kyselyWritesAtCommit<Db>(tx);
      await db.insertInto('t').values({ id: 3, n: 30 }).execute();
      await db.selectFrom('t').selectAll().execute();
    });
    await expect(reads).rejects.toThrow(/came after a write deferred to the commit/);
    const returning = db.client().transaction(async (tx) => {
      const db = kyselyWritesAtCommit<Db>(tx);
      await db.insertInto('t').values({ id: 4, n: 40 }).execute();
      await db.insertInto('t').values({ id: 5, n: 50 }).returning('id').execute();
    });
    await expect(returning).rejects.toThrow(/came after a write deferred to the commit/);
    expect(await db.client().query(`select id from t where id >= 3`)).toEqual([]);
  });
});

describe('a transaction whose BEGIN travels with its first statement (pg)', () => {
  // One connection: a transaction left open or aborted would break the next use of the pool.
  const db = withTable('qm_test_lazy_begin', `create table u (id int primary key, note text)`, 1);
  const ids = async () =>
    (await db.client().query<{ id: number }>(`select id from u order by id`)).map((r) => r.id);

  it('rolls back a first statement (sent with BEGIN) when the work fails later', async () => {
    const failed = db.client().transaction(async (tx) => {
      await tx.query(`insert into u values ($1, $2)`, [1, 'first']);
      expect(await tx.query(`select count(*)::int as n from u`)).toEqual([{ n: 1 }]);
      throw new Error('later');
    });
    await expect(failed).rejects.toThrow('later');
    expect(await ids()).toEqual([]);
  });

  it('leaves the connection usable when the first statement or the commit script fails', async () => {
    await expect(
      db.client().transaction((tx) => tx.query(`insert into u values ($1)`, ['not a number'])),
    ).rejects.toThrow();
    expect(await ids()).toEqual([]);
    await db.client().query(`insert into u values (2, 'kept')`);
    const duplicate = db
      .client()
      .transaction(async (tx) => tx.atCommit!(`insert into u values ($1, $2)`, [2, 'again']));
    await expect(duplicate).rejects.toMatchObject({ code: '23505' });
    expect(await ids()).toEqual([2]);
  });

  it('takes a first statement with literals of its own after a BEGIN of its own', async () => {
    await db.client().transaction(async (tx) => {
      await tx.query(`insert into u values ($1, 'it''s literal')`, [3]);
      await tx.query(`insert into u values ($1, $2)`, [4, 'second']);
    });
    expect(await ids()).toEqual([2, 3, 4]);
  });
});
