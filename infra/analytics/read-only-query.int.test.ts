import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsClient } from './analytics-client.ts';
import { ReadOnlyQueryRefused, runReadOnlyQuery } from './read-only-query.ts';
import { tempAnalytics, type TempAnalytics } from '../../test-support/temp-analytics.ts';

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

  describe('refuses every way of writing a file, and writes none', () => {
    // Each query names its target as {out}; the bypasses of issue 13 come first.
    const dir = mkdtempSync(join(tmpdir(), 'qm-outfile-'));
    const out = (name: string) => join(dir, name);
    it.each([
      ["SELECT '--' AS a INTO OUTFILE '{out}'", 'INTO OUTFILE'],
      ["SELECT '/*' AS a INTO OUTFILE '{out}'", 'INTO OUTFILE'],
      ["SELECT 1 AS a # comment\nINTO OUTFILE '{out}'", 'INTO OUTFILE'],
      ["SELECT 1 -- a comment\n INTO OUTFILE '{out}'", 'INTO OUTFILE'],
      ["SELECT 1 /* INTO OUTFILE */ INTO OUTFILE '{out}' FORMAT CSV", 'INTO OUTFILE'],
      ['SELECT "--" FROM (SELECT 1 AS `--`) INTO OUTFILE \'{out}\'', 'INTO OUTFILE'],
      ["SELECT $$'--$$ INTO OUTFILE '{out}'", 'INTO OUTFILE'],
      ["sElEcT 1 iNtO oUtFiLe '{out}' TRUNCATE", 'INTO OUTFILE'],
      ["SELECT 1 INTO OUTFILE '{out}' COMPRESSION 'gzip'", 'INTO OUTFILE'],
      ["WITH x AS (SELECT 1) SELECT * FROM x INTO OUTFILE '{out}'", 'INTO OUTFILE'],
      ["(SELECT 1) UNION ALL (SELECT 2) INTO OUTFILE '{out}'", 'INTO OUTFILE'],
      ["SHOW TABLES INTO OUTFILE '{out}'", 'INTO OUTFILE'],
      ["DESCRIBE TABLE t INTO OUTFILE '{out}'", 'INTO OUTFILE'],
      ["EXPLAIN SELECT 1 INTO OUTFILE '{out}'", 'INTO OUTFILE'],
      ["SELECT 1; SELECT 2 INTO OUTFILE '{out}'", 'a second statement'],
      ["SELECT 1 AS `;` ; SELECT 1 INTO OUTFILE '{out}'", 'a second statement'],
      ["SELECT ';'; SELECT 1 INTO OUTFILE '{out}'", 'a second statement'],
      ["SELECT 1 # ;\n; SELECT 1 INTO OUTFILE '{out}'", 'a second statement'],
      ["INSERT INTO FUNCTION file('{out}') SELECT 1", 'INSERT'],
      ["SELECT * FROM file('{out}', 'CSV', 'a String')", 'file()'],
      ["SELECT * FROM t JOIN url('http://127.0.0.1:1/{out}', 'CSV', 'a String') AS u ON 1", 'url()'],
      ['SELECT * FROM numbers(3)', 'the table function numbers()'],
      ["SELECT file('{out}')", 'file()'],
      ['SELECT 1 FORMAT CSV', 'FORMAT'],
      ['SELECT 1 SETTINGS readonly = 0', 'SETTINGS'],
      ['SELECT 1 SETTINGS max_threads = 1', 'SETTINGS'],
      ['SELECT * FROM (SELECT 1 SETTINGS readonly = 0)', 'SETTINGS'],
      ["SELECT 1 AS `a\n Literal 'x'`", 'a line break inside a name or string'],
    ])('%j', async (template, statement) => {
      const rows = await count();
      const target = out(`${statement.replace(/\W/g, '')}-${readdirSync(dir).length}-${Math.random()}.csv`);
      const attempt = runReadOnlyQuery(reader, template.replaceAll('{out}', target), 'table');
      await expect(attempt).rejects.toBeInstanceOf(ReadOnlyQueryRefused);
      await expect(attempt).rejects.toMatchObject({ statement });
      await expect(attempt).rejects.toThrow(/^analytics queries are read-only: .+ is refused\. [A-Z]/);
      expect(existsSync(target)).toBe(false);
      expect(readdirSync(dir)).toEqual([]);
      expect(await count()).toBe(rows);
    });
  });

  it('answers comments, strings that look like SQL, SHOW, DESCRIBE, EXISTS and EXPLAIN', async () => {
    expect(
      await runReadOnlyQuery(
        reader,
        "SELECT '--' AS a, '/*' AS b, '#' AS c -- trailing\n/* block */",
        'json',
      ),
    ).toBe('{"a":"--","b":"\\/*","c":"#"}\n');
    expect(await runReadOnlyQuery(reader, 'SELECT count() > 0 AS n FROM t # note', 'csv')).toBe('"n"\n1\n');
    expect(await runReadOnlyQuery(reader, 'SHOW TABLES', 'csv')).toContain('"t"');
    expect(await runReadOnlyQuery(reader, 'DESCRIBE TABLE t', 'csv')).toContain('"sku","String"');
    expect(await runReadOnlyQuery(reader, 'EXISTS TABLE t', 'csv')).toContain('1');
    expect(await runReadOnlyQuery(reader, 'EXPLAIN SELECT sku FROM t', 'csv')).toContain('ReadFrom');
  });

  it('names a syntax error as one, not as a refusal', async () => {
    const attempt = runReadOnlyQuery(reader, 'SELECT 1 /* never closed', 'table');
    await expect(attempt).rejects.toThrow(/does not parse: .*comment is not closed/i);
    await expect(attempt).rejects.not.toBeInstanceOf(ReadOnlyQueryRefused);
  });
});
