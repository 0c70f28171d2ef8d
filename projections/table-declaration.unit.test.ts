import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { col, defineTable } from './table-declaration.ts';
import { tableStatements } from './table-ddl.ts';
import { insert, update, upsert } from './table-writes.ts';

const things = defineTable({
  name: 'things',
  columns: {
    thing_id: col.text(),
    status: col.text<'new' | 'old'>(),
    price: col.bigint().nullable(),
    data: col.json<{ a: number }>(),
    at: col.timestamptz(),
    upper_id: col.text().generatedAs('upper(thing_id)'),
  },
  primaryKey: ['thing_id'],
  indexes: [{ name: 'things_by_status', on: ['status', 'at desc'], where: `status = 'new'` }],
});

const row = {
  thing_id: 't',
  status: 'new',
  price: null,
  data: { a: 1 },
  at: '2026-01-01T00:00:00Z',
} as const;

/** Compiles statements without a database. */
const compiler = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('a table declaration', () => {
  it('gives the DDL: not null unless nullable, generated columns, the key, then the indexes', () => {
    const [table, index] = tableStatements('s', things).map((statement) => statement.compile(compiler).sql);
    expect(table).toBe(
      'create table "s"."things" ("thing_id" text not null, "status" text not null, "price" bigint, ' +
        '"data" json not null, "at" timestamptz not null, ' +
        '"upper_id" text generated always as (upper(thing_id)) stored, primary key ("thing_id"))',
    );
    expect(index).toBe(
      `create index "things_by_status" on "s"."things" ("status", "at" desc) where status = 'new'`,
    );
  });

  it('gives the write path its key and the written columns’ types, generated ones left out', () => {
    const write = upsert(things, [row]);
    expect(write).toMatchObject({ kind: 'upsert', table: 'things', keys: ['thing_id'] });
    expect(write.types).toEqual({
      thing_id: 'text',
      status: 'text',
      price: 'bigint',
      data: 'json',
      at: 'timestamptz',
    });
    expect(update(things, ['status'], [{ thing_id: 't', status: 'old' }]).types).toEqual({
      thing_id: 'text',
      status: 'text',
    });
  });

  it('makes a row with a missing, extra, mistyped or generated column a compile error', () => {
    const { price: _, ...missing } = row;
    // @ts-expect-error -- `price` is missing
    insert(things, [missing]);
    // @ts-expect-error -- `colour` is not a column
    insert(things, [{ ...row, colour: 'red' }]);
    // @ts-expect-error -- `status` takes only its declared values
    insert(things, [{ ...row, status: 'other' }]);
    // @ts-expect-error -- a generated column is never written
    insert(things, [{ ...row, upper_id: 'T' }]);
    // @ts-expect-error -- an update's rows hold the key and the columns it sets, nothing else
    update(things, ['status'], [{ thing_id: 't', status: 'old', at: row.at }]);
    expect(insert(things, [row]).rows).toHaveLength(1);
  });
});
