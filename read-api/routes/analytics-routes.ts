import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AnalyticsClient } from '../../infra/analytics/analytics-client.ts';
import { defaultHook } from '../../infra/http/default-hook.ts';
import { HttpProblem } from '../../infra/http/problem.ts';
import { ReadOnlyQueryRefused, runReadOnlyQuery } from '../../infra/analytics/read-only-query.ts';
import {
  findReport,
  reportCsv,
  reportParams,
  reportParamsInput,
  reportRows,
  reports,
} from '../../projections/analytics/reports.ts';
import {
  builderDimensions,
  builderFault,
  builderMeasures,
  builtReportPdf,
  builtReportCsv,
  builtReportRows,
  type BuilderDimension,
  type BuilderMeasure,
} from '../../projections/analytics/report-builder.ts';
import { validationProblem } from '../../infra/http/validation-problem.ts';
import { permissionGuard, type ReadAuthEnv } from '../http/auth.ts';
import { authErrors, Id, notFoundError, Text } from '../schemas/common.ts';

export interface AnalyticsRoutesDeps {
  /** Best a read-only client (`openAnalyticsClient(config, { readonly: true })`). */
  analytics: AnalyticsClient;
  /** The read API's `authenticate(verifier)` middleware (`ctx.authenticated`). */
  authenticated: MiddlewareHandler<ReadAuthEnv>;
  /** Today, for the default date range; the wall clock unless a test pins it. */
  now?: () => Date;
}

const tags = ['Analytics'];
const ReportName = z.enum(reports.map((r) => r.name) as [string, ...string[]]);
const ReportQuery = reportParamsInput.safeExtend({
  format: z.enum(['json', 'csv']).optional().describe('csv is the same as Accept: text/csv'),
});
const dimensionNames = Object.keys(builderDimensions) as BuilderDimension[];
const BuilderQuery = reportParamsInput.safeExtend({
  measure: z
    .enum(Object.keys(builderMeasures) as [BuilderMeasure, ...BuilderMeasure[]])
    .openapi({ description: 'What to sum.', example: 'revenue' }),
  by: Text.regex(
    new RegExp(`^(${dimensionNames.join('|')})(,(${dimensionNames.join('|')})){0,3}$`),
    `must be up to four of ${dimensionNames.join(', ')}, comma-separated`,
  )
    .optional()
    .openapi({
      description: 'Dimensions to group by, comma-separated; none: one total.',
      example: 'period,currency',
    }),
  sku: Id.optional().openapi({ description: 'Only this SKU.', example: 'IPH15' }),
  location: Id.optional().openapi({ description: 'Only this location.', example: 'berlin' }),
  currency: Text.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
    .optional()
    .openapi({ description: 'Only this currency.', example: 'EUR' }),
  format: z
    .enum(['json', 'csv', 'pdf'])
    .optional()
    .describe('csv is the same as Accept: text/csv, pdf as Accept: application/pdf'),
});
const BuiltRows = z.object({
  measure: z.string(),
  by: z.array(z.string()),
  params: z.object({ from: z.string(), to: z.string(), granularity: z.string(), limit: z.number() }),
  rows: z.array(z.record(z.string(), z.unknown())),
});
const ReportRows = z.object({
  report: z.string(),
  params: z.object({ from: z.string(), to: z.string(), granularity: z.string(), limit: z.number() }),
  rows: z.array(z.record(z.string(), z.unknown())),
});
const ReportInfo = z.object({
  name: z.string(),
  title: z.string(),
  description: z.string(),
  parameters: z.array(z.string()),
});

/**
 * Admin routes over the ClickHouse analytics tables: the ready-made reports of
 * projections/analytics/reports.ts with a date range, granularity and limit, as JSON or CSV
 * (`Accept: text/csv` or `?format=csv`). Mount with `app.route('/', analyticsRoutes(...))`.
 */
export function analyticsRoutes(deps: AnalyticsRoutesDeps) {
  const app = new OpenAPIHono<ReadAuthEnv>({ defaultHook });
  const now = deps.now ?? (() => new Date());

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/analytics/reports',
      summary: 'The ready-made analytics reports',
      tags,
      ...permissionGuard('analytics:read', deps.authenticated),
      responses: {
        200: { description: 'Reports', content: { 'application/json': { schema: z.array(ReportInfo) } } },
        ...authErrors,
      },
    }),
    (c) =>
      c.json(
        reports.map((r) => ({
          name: r.name,
          title: r.title,
          description: r.description,
          parameters: [...r.uses],
        })),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/analytics/reports/{name}',
      summary:
        'Run a report: sales, revenue, top sellers, refund rate, sell-through, stockouts, days of cover',
      description:
        '`from` is included, `to` excluded (default: the 30 days up to today). Money is in minor units of `currency`. CSV with `Accept: text/csv` or `?format=csv`.',
      tags,
      ...permissionGuard('analytics:read', deps.authenticated),
      request: { params: z.object({ name: ReportName }), query: ReportQuery },
      responses: {
        200: {
          description: 'The report',
          content: {
            'application/json': { schema: ReportRows },
            'text/csv': { schema: z.string() },
          },
        },
        ...authErrors,
        ...notFoundError,
      },
    }),
    async (c) => {
      const { name } = c.req.valid('param');
      const { format, ...given } = c.req.valid('query');
      const report = findReport(name);
      if (!report) {
        throw new HttpProblem({
          status: 404,
          code: 'not_found',
          title: 'Not found',
          detail: `No report ${name}.`,
        });
      }
      const params = reportParams(given, now());
      const csv = format === 'csv' || (format === undefined && prefersCsv(c.req.header('accept')));
      if (csv) {
        return c.body(await reportCsv(deps.analytics, report, params), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${name}_${params.from}_${params.to}.csv"`,
        });
      }
      return c.json({ report: name, params, rows: await reportRows(deps.analytics, report, params) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/analytics/builder',
      summary: 'A built report: a measure of sales grouped by dimensions, filtered, over a period',
      description:
        'Compiled to one parameterised, read-only ClickHouse query over the daily sales rollup: only the named measure and dimensions shape the statement; every value is a bound parameter. `from` is included, `to` excluded; money in minor units. `limit` caps the rows (default 10). CSV with `Accept: text/csv` or `?format=csv`.',
      tags,
      ...permissionGuard('analytics:read', deps.authenticated),
      request: { query: BuilderQuery },
      responses: {
        200: {
          description: 'The rows, each with its dimensions and `value`',
          content: {
            'application/json': { schema: BuiltRows },
            'text/csv': { schema: z.string() },
            'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
        400: {
          description: 'A measure, dimension or filter that cannot go together (`errors` names the field)',
          content: { 'application/problem+json': { schema: z.object({ detail: z.string() }) } },
        },
        ...authErrors,
      },
    }),
    async (c) => {
      const { format, measure, by, sku, location, currency, ...given } = c.req.valid('query');
      const dimensions = by ? (by.split(',') as BuilderDimension[]) : [];
      if (new Set(dimensions).size !== dimensions.length) {
        throw validationProblem([{ path: 'query.by', message: 'must not name a dimension twice' }]);
      }
      const params = reportParams(given, now());
      const filters = {
        ...(sku === undefined ? {} : { sku }),
        ...(location === undefined ? {} : { location }),
        ...(currency === undefined ? {} : { currency }),
      };
      const report = { measure, by: dimensions, filters, ...params };
      const fault = builderFault(report);
      if (fault) throw validationProblem([{ path: `query.${fault.field}`, message: fault.message }]);
      const pdf = format === 'pdf' || (format === undefined && prefersPdf(c.req.header('accept')));
      if (pdf) {
        const title = `${builderMeasures[measure].title}, ${params.from} to ${params.to}`;
        const file = await builtReportPdf(deps.analytics, report, title);
        return c.body(new Uint8Array(file), 200, {
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="${measure}_${params.from}_${params.to}.pdf"`,
        });
      }
      const csv = format === 'csv' || (format === undefined && prefersCsv(c.req.header('accept')));
      if (csv) {
        return c.body(await builtReportCsv(deps.analytics, report), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${measure}_${params.from}_${params.to}.csv"`,
        });
      }
      const rows = await builtReportRows(deps.analytics, report);
      return c.json({ measure, by: dimensions, params, rows }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/admin/analytics/query',
      summary: 'Run one read-only SQL statement on the analytics tables (as `qm analytics query`)',
      description:
        'SELECT / WITH / SHOW / DESCRIBE / EXPLAIN / EXISTS only, on a read-only client. The answer is rendered as `qm analytics query` prints it: an aligned table, CSV with a header row, or JSON lines.',
      tags,
      ...permissionGuard('analytics:read', deps.authenticated),
      request: {
        body: {
          content: {
            'application/json': {
              schema: z.object({
                sql: z.string().min(1).max(100_000),
                format: z.enum(['table', 'csv', 'json']).default('table'),
              }),
            },
          },
        },
      },
      responses: {
        200: { description: 'The rendered answer', content: { 'text/plain': { schema: z.string() } } },
        400: {
          description: 'The statement is not a read, or ClickHouse refused it',
          content: { 'application/problem+json': { schema: z.object({ detail: z.string() }) } },
        },
        ...authErrors,
      },
    }),
    async (c) => {
      const { sql, format } = c.req.valid('json');
      try {
        const text = await runReadOnlyQuery(deps.analytics, sql, format);
        return c.text(text, 200);
      } catch (error) {
        // The analyst's SQL is the likely cause of a failure here (a refused statement, an unknown
        // table, a syntax error): say so with ClickHouse's own words, as the CLI used to print them.
        throw new HttpProblem({
          status: 400,
          code: error instanceof ReadOnlyQueryRefused ? 'read_only_query_refused' : 'query_failed',
          title: error instanceof ReadOnlyQueryRefused ? 'Read-only query refused' : 'Query failed',
          detail: error instanceof Error ? error.message : String(error),
          cause: error,
        });
      }
    },
  );

  return app;
}

/** Whether the client lists `type` and not JSON before it (a browser's `*\/*` keeps JSON). */
function prefers(type: string, accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((part) => part.split(';')[0]!.trim().toLowerCase());
  const wanted = types.indexOf(type);
  const json = types.indexOf('application/json');
  return wanted !== -1 && (json === -1 || wanted < json);
}

const prefersCsv = (accept: string | undefined) => prefers('text/csv', accept);
const prefersPdf = (accept: string | undefined) => prefers('application/pdf', accept);
