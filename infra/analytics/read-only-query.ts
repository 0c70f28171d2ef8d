import type { AnalyticsClient } from './analytics-client.ts';

/** Thrown for SQL that would change something; the message says what is allowed instead. */
export class ReadOnlyQueryRefused extends Error {
  override name = 'ReadOnlyQueryRefused';
  constructor(
    readonly statement: string,
    options?: ErrorOptions,
  ) {
    super(
      `analytics queries are read-only: ${statement} is refused. Use SELECT, WITH, SHOW, DESCRIBE, EXPLAIN or EXISTS.`,
      options,
    );
  }
}

const READ_STATEMENTS = new Set(['SELECT', 'WITH', 'SHOW', 'DESCRIBE', 'DESC', 'EXPLAIN', 'EXISTS']);

/**
 * Refuses, with a clear error, SQL that does not start as a read (INSERT, DROP, ALTER, SET...) or
 * that writes a local file (`INTO OUTFILE`, which embedded chDB would honour even under readonly).
 * This is the friendly first check; the engine's `readonly=1` on the client is the real one (it
 * also stops a write hidden after a `;`). Returns the SQL without trailing semicolons.
 */
export function checkReadOnlySql(sql: string): string {
  const text = sql.trim().replace(/;+\s*$/, '');
  const withoutComments = text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ').trim();
  const first = /^\(*\s*([A-Za-z]+)/.exec(withoutComments)?.[1]?.toUpperCase();
  if (!first) throw new ReadOnlyQueryRefused('an empty statement');
  if (!READ_STATEMENTS.has(first)) throw new ReadOnlyQueryRefused(first);
  if (/\bINTO\s+OUTFILE\b/i.test(withoutComments)) throw new ReadOnlyQueryRefused('INTO OUTFILE');
  return text;
}

export type QueryOutput = 'table' | 'csv' | 'json';

/**
 * Runs an analyst's SQL on a read-only client and renders the answer: an aligned text table,
 * CSV with a header row (ClickHouse's own CSVWithNames), or JSON lines.
 */
export async function runReadOnlyQuery(
  analytics: AnalyticsClient,
  sql: string,
  output: QueryOutput,
): Promise<string> {
  if (!analytics.readonly) throw new Error('runReadOnlyQuery needs a client opened with { readonly: true }');
  const query = checkReadOnlySql(sql);
  try {
    if (output === 'csv')
      return await (await analytics.client.query({ query, format: 'CSVWithNames' })).text();
    if (output === 'json')
      return await (await analytics.client.query({ query, format: 'JSONEachRow' })).text();
    const result = await analytics.client.query({ query, format: 'JSON' });
    const { meta, data } = await result.json<Record<string, unknown>>();
    return renderTable(
      (meta ?? []).map((column) => column.name),
      data,
    );
  } catch (error) {
    if (error instanceof Error && /readonly mode/i.test(error.message)) {
      throw new ReadOnlyQueryRefused('a statement that writes', { cause: error });
    }
    throw error;
  }
}

/** Columns padded to their widest cell; numbers right-aligned. */
export function renderTable(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
      return String(value);
    return JSON.stringify(value);
  };
  const cells = rows.map((row) => columns.map((column) => cell(row[column])));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((r) => r[i]!.length)));
  const numeric = columns.map(
    (_, i) => cells.length > 0 && cells.every((r) => /^-?\d+(\.\d+)?$/.test(r[i]!)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const footer = `(${rows.length} row${rows.length === 1 ? '' : 's'})`;
  return [line(columns), rule, ...cells.map(line), footer].join('\n');
}
