import { Command, Option } from 'commander';
import { renderTable, runReadOnlyQuery, type QueryOutput } from '../../../infra/analytics/read-only-query.ts';
import {
  findReport,
  reportParams,
  reportParamsInput,
  reportRows,
  reportCsv,
  reports,
} from '../../../projections/analytics/reports.ts';
import type { Config } from '../../../infra/config/config.ts';
import type { Logger } from '../../../infra/logging/logger.ts';
import { runWithContext } from '../run-with-context.ts';
import { runningServer, segment } from '../running-server.ts';

const formatOption = () =>
  new Option('-f, --format <format>', 'output format').choices(['table', 'csv', 'json']).default('table');

/**
 * `qm analytics`: analysts' access to the ClickHouse tables (chDB when CLICKHOUSE_URL is unset).
 * Everything here opens a read-only client (`readonly=1` in the engine): nothing it runs can
 * change the analytics tables.
 */
export function analyticsCommand(): Command {
  const command = new Command('analytics').description(
    'Query the analytics tables (read-only); see docs/analytics.md for the schema',
  );

  command
    .command('query')
    .description('Run one read-only SQL statement, e.g. qm analytics query "SELECT count() FROM order_lines"')
    .argument(
      '<sql>',
      'SELECT / WITH / SHOW / DESCRIBE / EXPLAIN / EXISTS; tables may be named without database',
    )
    .addOption(formatOption())
    .action((sql: string, options: { format: QueryOutput }) =>
      runWithContext(async ({ config, log }) => {
        const server = runningServer(config);
        if (server) {
          const response = await server.request('read', 'POST', '/admin/analytics/query', {
            sql,
            format: options.format,
          });
          return write(await response.text());
        }
        const analytics = await openLocally(config, log);
        try {
          write(await runReadOnlyQuery(analytics, sql, options.format));
        } finally {
          await analytics.close();
        }
      }),
    );

  command
    .command('reports')
    .description('List the ready-made reports (run one with qm analytics report <name>)')
    .action(() => {
      write(
        renderTable(
          ['name', 'parameters', 'description'],
          reports.map((r) => ({ name: r.name, parameters: r.uses.join(','), description: r.description })),
        ),
      );
    });

  command
    .command('report')
    .description('Run a ready-made report')
    .argument('<name>', `one of: ${reports.map((r) => r.name).join(', ')}`)
    .option('--from <date>', 'first day included (YYYY-MM-DD), default 30 days before --to')
    .option('--to <date>', 'first day excluded (YYYY-MM-DD), default tomorrow')
    .addOption(new Option('--granularity <step>', 'time series step').choices(['day', 'week', 'month']))
    .option('--limit <n>', 'rows per ranking (default 10)')
    .addOption(formatOption())
    .action((name: string, options: Record<string, string>) =>
      runWithContext(async ({ config, log }) => {
        const report = findReport(name);
        if (!report) throw new Error(`unknown report "${name}"; qm analytics reports lists them`);
        const parsed = reportParamsInput.safeParse(options);
        if (!parsed.success) {
          throw new Error(
            parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; '),
          );
        }
        const params = reportParams(parsed.data, new Date());
        const show = (rows: readonly Record<string, unknown>[]) =>
          write(
            options.format === 'json'
              ? rows.map((row) => JSON.stringify(row)).join('\n')
              : renderTable(rows.length > 0 ? Object.keys(rows[0]!) : [], rows),
          );
        const server = runningServer(config);
        if (server) {
          const query = new URLSearchParams({
            from: params.from,
            to: params.to,
            granularity: params.granularity,
            limit: String(params.limit),
            format: options.format === 'csv' ? 'csv' : 'json',
          });
          const response = await server.request(
            'read',
            'GET',
            `/admin/analytics/reports/${segment(name)}?${query.toString()}`,
          );
          if (options.format === 'csv') return write(await response.text());
          return show(((await response.json()) as { rows: Record<string, unknown>[] }).rows);
        }
        const analytics = await openLocally(config, log);
        try {
          if (options.format === 'csv') write(await reportCsv(analytics, report, params));
          else show(await reportRows(analytics, report, params));
        } finally {
          await analytics.close();
        }
      }),
    );

  return command;
}

/** Loaded only when used: a query sent to the server needs no chDB. */
async function openLocally(config: Config, log: Logger) {
  const { openDeploymentAnalytics } = await import('../../compose/analytics.ts');
  return openDeploymentAnalytics(config, log, { readonly: true });
}

function write(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
