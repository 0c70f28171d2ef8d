/**
 * COPY text (`copyChunks`, here 7 rows a chunk) against PostgreSQL itself: any row a fold produces lands the same by COPY
 * as by the live projector's INSERT (`insertRows`), whatever its strings and JSON hold.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kyselyOver } from '../../infra/sql/kysely-over-sql.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { migratedPostgres } from '../../test-support/databases.ts';
import { writeTables, type ColumnTypes } from '../batch-write.ts';
import { copyChunks, copyStatement } from './copy-text.ts';
import { propertyRuns } from '../../test-support/property-runs.ts';

const types: ColumnTypes = {
  id: 'integer',
  label: 'text',
  amount: 'bigint',
  ratio: 'double precision',
  flag: 'boolean',
  doc: 'json',
  doc_b: 'jsonb',
  at: 'timestamptz',
};

// PostgreSQL text holds no NUL character, in a column or in JSON.
const text = fc.string({ unit: 'binary' }).map((value) => value.replaceAll('\u0000', ''));
const awkward = fc.oneof(text, fc.constantFrom('\\', '\\N', '\t', '\n', '\r\n', 'a\\tb', '"quoted"', ''));
const json = fc.oneof(
  fc.constant(null),
  awkward,
  fc.dictionary(awkward, fc.oneof(awkward, fc.integer(), fc.boolean(), fc.array(awkward, { maxLength: 3 }))),
);
const row = fc.record({
  label: fc.option(awkward),
  amount: fc.option(fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }).map(String)),
  ratio: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })),
  flag: fc.option(fc.boolean()),
  doc: json,
  doc_b: json,
  at: fc.option(
    fc
      .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((date) => date.toISOString()),
  ),
});

describe('COPY text on postgres', () => {
  let db: SqlClient;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ client: db, dispose } = await migratedPostgres(2));
    const columns = `id integer primary key, label text, amount bigint, ratio double precision,
      flag boolean, doc json, doc_b jsonb, at timestamptz`;
    await db.query(`create table copied (${columns})`);
    await db.query(`create table inserted (${columns})`);
  });
  afterAll(() => dispose());

  it('lands every row as INSERT does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), async (generated) => {
        const rows = generated.map((fields, id) => ({ id, ...fields }));
        await db.query('truncate copied, inserted');
        await db.copyFrom!(copyStatement('public', 'copied', types), copyChunks(types, rows, 7));
        await writeTables(kyselyOver<unknown>(db).withSchema('public'), [
          { kind: 'insert', table: 'inserted', keys: ['id'], types, rows },
        ]);
        const read = (table: string) =>
          db.query<{ row: string }>(`select t::text as row from ${table} t order by id`);
        expect(await read('copied')).toEqual(await read('inserted'));
      }),
      { numRuns: propertyRuns(150) },
    );
  });
});
