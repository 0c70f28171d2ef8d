import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsClient } from './analytics-client.ts';
import { ReadOnlyQueryRefused, runReadOnlyQuery } from './read-only-query.ts';
import { tempAnalytics, type TempAnalytics } from './testing/temp-analytics.ts';

describe('read-only analytics queries on chDB', () => {
  let store: TempAnalytics;
  let reader: AnalyticsClient;
  const count = async () => {
    const result = await store.analytics.client.query({
      query: `SELECT count() AS n FROM ${store.analytics.database}.t`,
      format: 'JSONEachRow',
    });
    return (await result.json<{ n: string }>())[0]!.n;
  };

  beforeAll(async () => {
    store = await tempAnalytics();
    const db = store.analytics.database;
    await store.analytics.client.command({
      query: `CREATE TABLE ${db}.t (sku String, units Int64) ENGINE = MergeTree ORDER BY sku`,
    });
    await store.analytics.client.insert({
      table: `${db}.t`,
      values: [
        { sku: 'A', units: 3 },
        { sku: 'B', units: 12 },
      ],
      format: 'JSONEachRow',
    });
    reader = await store.openReadonly();
  });
  afterAll(() => store?.dispose());

  it('answers SELECTs as a table, CSV or JSON lines, with unqualified table names', async () => {
    expect(await runReadOnlyQuery(reader, 'SELECT sku, units FROM t ORDER BY sku;', 'table')).toBe(
      ['sku  units', '---  -----', 'A        3', 'B       12', '(2 rows)'].join('\n'),
    );
    expect(await runReadOnlyQuery(reader, 'SELECT sku, units FROM t ORDER BY sku', 'csv')).toBe(
      '"sku","units"\n"A",3\n"B",12\n',
    );
    expect(await runReadOnlyQuery(reader, "SELECT sku FROM t WHERE sku = 'A'", 'json')).toBe('{"sku":"A"}\n');
  });

  it.each([
    ["INSERT INTO t VALUES ('C', 1)", 'INSERT'],
    ['DROP TABLE t', 'DROP'],
    ['  -- sneaky\n  TRUNCATE TABLE t', 'TRUNCATE'],
    ['SET readonly = 0', 'SET'],
    ["SELECT 1 INTO OUTFILE '/tmp/x.csv'", 'INTO OUTFILE'],
  ])('refuses %j before it reaches the engine', async (sql, statement) => {
    const attempt = runReadOnlyQuery(reader, sql, 'table');
    await expect(attempt).rejects.toBeInstanceOf(ReadOnlyQueryRefused);
    await expect(attempt).rejects.toMatchObject({ statement });
    expect(await count()).toBe('2');
  });

  it('has the engine refuse a write hidden behind a read (readonly=1), and the writer stays writable', async () => {
    await expect(runReadOnlyQuery(reader, 'SELECT 1; DROP TABLE t', 'table')).rejects.toBeInstanceOf(
      ReadOnlyQueryRefused,
    );
    await expect(
      reader.client.command({ query: `INSERT INTO ${store.analytics.database}.t VALUES ('C', 1)` }),
    ).rejects.toThrow(/readonly/);
    expect(await count()).toBe('2');
    await store.analytics.client.command({
      query: `INSERT INTO ${store.analytics.database}.t VALUES ('C', 1)`,
    });
    expect(await count()).toBe('3');
  });
});
