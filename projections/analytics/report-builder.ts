import type { AnalyticsClient } from '../../infra/analytics/analytics-client.ts';
import { pdfTable } from '../../infra/reports/pdf-table.ts';
import type { Granularity } from './reports.ts';

/**
 * The dashboard's report builder: a measure, up to three dimensions, filters and a period, compiled
 * to one read-only ClickHouse query over the `sales_daily` rollup. Only names from the tables below
 * reach the SQL text; every value (dates, SKU, location, currency, the row limit) is a bound
 * parameter (`{name:Type}`), never spliced into the statement.
 */
export const builderMeasures = {
  revenue: { sql: 'sum(revenue)', title: 'Revenue (minor units)' },
  units: { sql: 'sum(units)', title: 'Units sold' },
  discount: { sql: 'sum(discount)', title: 'Discounts (minor units)' },
  lines: { sql: 'sum(lines)', title: 'Order lines' },
  orders: { sql: 'sum(orders)', title: 'Orders' },
} as const;

export const builderDimensions = {
  period: `multiIf({granularity:String} = 'week', toMonday(day), {granularity:String} = 'month', toStartOfMonth(day), day)`,
  sku: 'sku',
  location: 'location',
  currency: 'currency',
} as const;

export type BuilderMeasure = keyof typeof builderMeasures;
export type BuilderDimension = keyof typeof builderDimensions;
export type BuilderFilter = 'sku' | 'location' | 'currency';

export interface BuiltReport {
  measure: BuilderMeasure;
  /** Grouped by these, in this order; money measures should keep `currency` among them. */
  by: BuilderDimension[];
  filters: Partial<Record<BuilderFilter, string>>;
  /** First day included and first day excluded, `YYYY-MM-DD`. */
  from: string;
  to: string;
  granularity: Granularity;
  limit: number;
}

/**
 * Why a definition cannot be answered truthfully, or null. `orders` is summed from one row per order
 * in the rollup, so it is exact only over every SKU and location (schema.ts): split or filtered by
 * either, it would count an order under one of its lines only.
 */
export function builderFault(report: BuiltReport): { field: 'measure'; message: string } | null {
  const perLine =
    report.by.includes('sku') ||
    report.by.includes('location') ||
    report.filters.sku !== undefined ||
    report.filters.location !== undefined;
  if (report.measure === 'orders' && perLine) {
    return {
      field: 'measure',
      message: 'orders is counted over whole orders: not by or for a SKU or location (use lines)',
    };
  }
  return null;
}

/** The statement and its bound parameters. The measure's column is always named `value`. */
export function compileReport(report: BuiltReport, database: string) {
  const groups = report.by.map((name) => `${builderDimensions[name]} AS ${name}`);
  const where = ['day >= {from:Date}', 'day < {to:Date}'];
  for (const name of ['sku', 'location', 'currency'] as const) {
    if (report.filters[name] !== undefined) where.push(`${name} = {${name}:String}`);
  }
  const select = [...groups, `${builderMeasures[report.measure].sql} AS value`].join(', ');
  const grouping = report.by.length > 0 ? ` GROUP BY ${report.by.join(', ')}` : '';
  // Time in order; otherwise the largest first, which is what a ranking asks.
  const order = report.by.includes('period') ? 'period, value DESC' : 'value DESC';
  return {
    sql: `SELECT ${select} FROM ${database}.sales_daily WHERE ${where.join(' AND ')}${grouping} ORDER BY ${order} LIMIT {limit:UInt32}`,
    params: {
      from: report.from,
      to: report.to,
      granularity: report.granularity,
      limit: report.limit,
      ...report.filters,
    },
  };
}

/** Runs a built report: its rows (64-bit integers as strings). */
export async function builtReportRows(
  analytics: AnalyticsClient,
  report: BuiltReport,
): Promise<Record<string, unknown>[]> {
  const { sql, params } = compileReport(report, analytics.database);
  const result = await analytics.client.query({ query: sql, query_params: params, format: 'JSONEachRow' });
  return result.json<Record<string, unknown>>();
}

/** Runs a built report as CSV with a header row, as ClickHouse writes it. */
export async function builtReportCsv(analytics: AnalyticsClient, report: BuiltReport): Promise<string> {
  const { sql, params } = compileReport(report, analytics.database);
  const result = await analytics.client.query({ query: sql, query_params: params, format: 'CSVWithNames' });
  return result.text();
}

/** A built report's rows as a PDF table (pdfkit), titled, with the period and definition under it. */
export async function builtReportPdf(
  analytics: AnalyticsClient,
  report: BuiltReport,
  title: string,
): Promise<Buffer> {
  const rows = await builtReportRows(analytics, report);
  const filters = Object.entries(report.filters).map(([name, value]) => `${name} = ${value}`);
  return pdfTable({
    title,
    subtitle: [
      `${builderMeasures[report.measure].title}${report.by.length ? ` by ${report.by.join(', ')}` : ''}`,
      `From ${report.from} up to ${report.to} (excluded)${report.by.includes('period') ? `, by ${report.granularity}` : ''}`,
      ...(filters.length ? [`Only ${filters.join(', ')}`] : []),
    ],
    columns: [...report.by, 'value'],
    rows: rows.map((row) => [...report.by, 'value'].map((column) => cell(row[column]))),
  });
}

/** A cell as text: ClickHouse answers strings and numbers (64-bit integers as strings). */
const cell = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value ?? '');
