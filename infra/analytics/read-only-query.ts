import type { AnalyticsClient } from './analytics-client.ts';
import { refusalForAst } from './read-only-ast.ts';

/** Thrown for SQL that could change something or reach outside the analytics tables. */
export class ReadOnlyQueryRefused extends Error {
  override name = 'ReadOnlyQueryRefused';
  constructor(
    readonly statement: string,
    hint = 'Use one SELECT, WITH, SHOW, DESCRIBE, EXPLAIN or EXISTS statement.',
    options?: ErrorOptions,
  ) {
    super(`analytics queries are read-only: ${statement} is refused. ${capitalised(hint)}.`, options);
  }
}

export type QueryOutput = 'table' | 'csv' | 'json';

/**
 * Runs an analyst's SQL on a read-only client and renders the answer: an aligned text table,
 * CSV with a header row (ClickHouse's own CSVWithNames), or JSON lines. The SQL is checked by
 * ClickHouse's parser first (see `readOnlyStatement`); what runs is the statement it printed.
 */
export async function runReadOnlyQuery(
  analytics: AnalyticsClient,
  sql: string,
  output: QueryOutput,
): Promise<string> {
  if (!analytics.readonly) throw new Error('runReadOnlyQuery needs a client opened with { readonly: true }');
  const query = await readOnlyStatement(analytics, sql);
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
    throw refusedByEngine(error) ?? error;
  }
}

/**
 * Returns the statement to run for `sql`, or throws ReadOnlyQueryRefused. Nothing the analyst
 * wrote is executed here:
 * 1. `formatQuerySingleLine`, with the SQL bound as a parameter, parses it (one statement only)
 *    and prints it canonically: comments gone, strings and names quoted one way.
 * 2. `EXPLAIN AST` of that canonical statement gives ClickHouse's own tree, which must pass
 *    `refusalForAst` (a reading statement, no INTO OUTFILE, FORMAT, SETTINGS, files or URLs).
 * 3. A SELECT runs as `SELECT * FROM (<statement>)`, a form in which INTO OUTFILE and FORMAT do
 *    not parse: no setting of chDB stops a client-side INTO OUTFILE (readonly=1 does not), so
 *    this makes file output impossible even if a rule above missed a form.
 */
export async function readOnlyStatement(analytics: AnalyticsClient, sql: string): Promise<string> {
  const canonical = await canonicalStatement(analytics, sql);
  // EXPLAIN AST prints names raw: a line break inside a quoted name would start a line of the
  // analyst's making in the tree. The canonical form writes every line break as \n.
  if (canonical.includes('\\n')) {
    throw new ReadOnlyQueryRefused('a line break inside a name or string', 'write it as char(10)');
  }
  let lines: string[];
  try {
    const result = await analytics.client.exec({
      query: `EXPLAIN AST ${canonical}`,
      clickhouse_settings: { default_format: 'JSONEachRow' },
    });
    const chunks: Buffer[] = [];
    for await (const chunk of result.stream) chunks.push(Buffer.from(chunk as Uint8Array));
    lines = Buffer.concat(chunks)
      .toString('utf8')
      .split('\n')
      .filter((row) => row.trim() !== '')
      .map((row) => (JSON.parse(row) as { explain: string }).explain);
  } catch (error) {
    throw refusedByEngine(error) ?? error;
  }
  const refusal = refusalForAst(lines, canonical);
  if (refusal) throw new ReadOnlyQueryRefused(refusal.statement, refusal.hint);
  return lines[0]!.startsWith('SelectWithUnionQuery') ? `SELECT * FROM (${canonical})` : canonical;
}

async function canonicalStatement(analytics: AnalyticsClient, sql: string): Promise<string> {
  if (sql.trim().replace(/;+\s*$/, '') === '') throw new ReadOnlyQueryRefused('an empty statement');
  try {
    const result = await analytics.client.query({
      query: 'SELECT formatQuerySingleLine({sql:String}) AS statement',
      query_params: { sql },
      format: 'JSONEachRow',
    });
    return (await result.json<{ statement: string }>())[0]!.statement;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/Multi-statements are not allowed/i.test(message)) {
      throw new ReadOnlyQueryRefused('a second statement', 'send one statement, without ; between two', {
        cause: error,
      });
    }
    throw new Error(
      `the query does not parse: ${message.replace(/ In scope SELECT formatQuerySingleLine[\s\S]*$/, '')}`,
      {
        cause: error,
      },
    );
  }
}

/** The engine's own refusals under readonly=1, in the same words as ours. */
function refusedByEngine(error: unknown): ReadOnlyQueryRefused | null {
  if (!(error instanceof Error)) return null;
  if (/Cannot modify '\w+' setting in readonly mode/i.test(error.message)) {
    return new ReadOnlyQueryRefused('SETTINGS', 'the session is read-only; leave settings out', {
      cause: error,
    });
  }
  if (/readonly mode/i.test(error.message)) {
    return new ReadOnlyQueryRefused('a statement that writes', undefined, { cause: error });
  }
  return null;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).replace(/\.$/, '');
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
