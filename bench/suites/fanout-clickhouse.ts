import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { openAnalyticsClient, type AnalyticsClient } from '../../infra/analytics/analytics-client.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import { createAnalyticsProjection } from '../../projections/analytics/analytics-projection.ts';
import { eventRows } from '../../projections/analytics/event-rows.ts';
import { findReport, reportRows, type ReportParams } from '../../projections/analytics/reports.ts';
import { versus, type Metric } from '../lib/results.ts';

export interface ClickhouseBenchOptions {
  /** Seconds of event stream fed to the projection (default 3). */
  seconds?: number;
  /** Order lines generated for the query timings (default 10 million). */
  lines?: number;
  /** Events per delivered batch (default 500, the projector's default). */
  batchSize?: number;
  log?: (line: string) => void;
}

/**
 * The ClickHouse part of the `fanout` suite, on embedded chDB in a temporary directory (removed
 * afterwards). chDB binds one directory per process: nothing else may hold a chDB client open
 * while this runs.
 *
 * - `clickhouse_rows_per_s`: rows the analytics projection writes per second when fed a generated
 *   stream of order, payment and stock events in batches, with its per-table duplicate check;
 *   baseline: the same rows inserted straight into plain MergeTree tables (no check, no views).
 * - `top_sellers_by_day_ms`, `sales_by_month_ms`: the ready-made reports (the same SQL as the CLI and
 *   the API) over `lines` order lines generated inside ClickHouse with `INSERT … SELECT FROM numbers()`
 *   (which also fills the daily rollup through its materialized view); median of 5 runs; baseline:
 *   a full scan summing quantity over the raw order lines.
 */
export async function measureClickhouse(
  options: ClickhouseBenchOptions = {},
): Promise<Record<string, Metric>> {
  const seconds = options.seconds ?? 3;
  const lines = options.lines ?? 10_000_000;
  const batchSize = options.batchSize ?? 500;
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'qm-bench-chdb-'));
  const analytics = await openAnalyticsClient({ database: 'bench_analytics', chdbPath: dir });
  try {
    const projected = await projectionRate(analytics, seconds, batchSize);
    log(`analytics projection: ${Math.round(projected.rowsPerS)} rows/s (${projected.rows} rows)`);
    const raw = await rawInsertRate(analytics, seconds, batchSize);
    log(`raw insert: ${Math.round(raw)} rows/s`);

    const projection = createAnalyticsProjection({ analytics });
    await projection.reset();
    const generated = await generateOrderLines(analytics, lines);
    log(`generated ${lines} order lines in ${Math.round(generated)} ms`);
    const params: ReportParams = { from: '2024-01-01', to: '2026-01-01', granularity: 'month', limit: 10 };
    const topSellers = await medianMs(() => reportRows(analytics, findReport('top_sellers_by_day')!, params));
    const byMonth = await medianMs(() => reportRows(analytics, findReport('sales')!, params));
    const scan = await medianMs(() =>
      analytics.client
        .query({
          query: `SELECT sum(quantity) FROM ${analytics.database}.order_lines`,
          format: 'JSONEachRow',
        })
        .then((r) => r.json()),
    );
    const baseline = `full scan of ${lines} raw order lines`;
    return {
      clickhouse_rows_per_s: versus(projected.rowsPerS, '1/s', 'raw insert of the same rows', raw),
      top_sellers_by_day_ms: versus(topSellers, 'ms', baseline, scan),
      sales_by_month_ms: versus(byMonth, 'ms', baseline, scan),
    };
  } finally {
    await analytics.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Feeds generated batches to the projection for `seconds`; rows counted over every table. */
async function projectionRate(analytics: AnalyticsClient, seconds: number, batchSize: number) {
  const projection = createAnalyticsProjection({ analytics });
  await projection.reset();
  const stream = eventStream();
  let rows = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    const batch = Array.from({ length: batchSize }, () => stream.next().value);
    await projection.deliver(batch);
    rows += Object.values(eventRows(batch)).reduce((total, table) => total + table.length, 0);
  }
  return { rows, rowsPerS: rows / ((performance.now() - started) / 1000) };
}

/** The baseline: the same rows, inserted as they are into tables of the same columns without views. */
async function rawInsertRate(
  analytics: AnalyticsClient,
  seconds: number,
  batchSize: number,
): Promise<number> {
  const db = analytics.database;
  const tables = Object.keys(eventRows([])) as (keyof ReturnType<typeof eventRows>)[];
  for (const table of tables) {
    await analytics.client.command({ query: `DROP TABLE IF EXISTS ${db}.raw_${table} SYNC` });
    await analytics.client.command({
      query: `CREATE TABLE ${db}.raw_${table} AS ${db}.${table} ENGINE = MergeTree ORDER BY tuple()`,
    });
  }
  const stream = eventStream();
  let rows = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    const byTable = eventRows(Array.from({ length: batchSize }, () => stream.next().value));
    for (const table of tables) {
      if (byTable[table].length === 0) continue;
      await analytics.client.insert({
        table: `${db}.raw_${table}`,
        values: byTable[table],
        format: 'JSONEachRow',
      });
      rows += byTable[table].length;
    }
  }
  return rows / ((performance.now() - started) / 1000);
}

/** `lines` order lines over two years (about 13,700 a day at 10 million), 500 SKUs, 4 locations, generated by ClickHouse itself. */
async function generateOrderLines(analytics: AnalyticsClient, lines: number): Promise<number> {
  const started = performance.now();
  await analytics.client.command({
    query: `INSERT INTO ${analytics.database}.order_lines
      SELECT toDateTime64('2024-01-01 00:00:00', 3, 'UTC') + toIntervalSecond(intDiv(number * 63072000, ${lines})) AS time,
        generateUUIDv4(number) AS event_id,
        concat('o', toString(intDiv(number, 3))) AS order_id,
        concat('c', toString(cityHash64(intDiv(number, 3)) % 100000)) AS customer_id,
        concat('L', toString(number % 3)) AS line_id,
        concat('SKU-', toString(cityHash64(number) % 500)) AS sku,
        ['berlin', 'hamburg', 'munich', 'cologne'][number % 4 + 1] AS location,
        toInt64(1 + cityHash64(number, 1) % 5) AS quantity,
        toInt64(199 + cityHash64(number, 2) % 10000) AS unit_price,
        toInt64(0) AS discount,
        quantity * unit_price AS revenue,
        'EUR' AS currency,
        toUInt8(number % 3 = 0) AS order_count
      FROM numbers(${lines})`,
  });
  return performance.now() - started;
}

async function medianMs(run: () => Promise<unknown>, times = 5): Promise<number> {
  await run(); // warm: the first run also loads marks and compiles
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** An endless, varied stream: an order of 1–3 lines with its reservations, capture and shipment. */
function* eventStream(): Generator<RecordedEvent, never> {
  let n = 0;
  let time = Date.parse('2025-01-01T00:00:00Z');
  const event = (type: string, stream: string, data: RecordedEvent['data']): RecordedEvent => {
    n += 1;
    time += 1000;
    const at = new Date(time).toISOString();
    return {
      id: uuidV7Ids.newId(),
      type,
      data,
      stream,
      revision: 0,
      position: { commit: BigInt(n), prepare: BigInt(n) },
      recordedAt: at,
      metadata: {
        actor: { id: 'bench', role: 'system' },
        correlationId: 'bench',
        causationId: null,
        occurredAt: at,
        schemaVersion: 1,
      },
    };
  };
  for (let order = 0; ; order += 1) {
    const orderId = `o${order}`;
    const location = ['berlin', 'hamburg'][order % 2]!;
    const lines = Array.from({ length: 1 + (order % 3) }, (_, i) => {
      const sku = `SKU-${(order * 7 + i) % 500}`;
      const quantity = 1 + ((order + i) % 4);
      const price = 500 + ((order * 13 + i) % 5000);
      return {
        lineId: `L${i}`,
        sku,
        quantity,
        unitPrice: { amount: price, currency: 'EUR' },
        lineTotal: { amount: price * quantity, currency: 'EUR' },
        allocations: [{ location, quantity }],
      };
    });
    const total = lines.reduce((sum, line) => sum + line.lineTotal.amount, 0);
    yield event('OrderPlaced', `order-${orderId}`, {
      orderId,
      customerId: `c${order % 1000}`,
      currency: 'EUR',
      lines,
      totals: {
        subtotal: { amount: total, currency: 'EUR' },
        shipping: { amount: 0, currency: 'EUR' },
        total: { amount: total, currency: 'EUR' },
      },
      shippingAddress: {
        name: 'A',
        line1: 'B',
        line2: null,
        city: 'C',
        postalCode: '1',
        region: null,
        country: 'DE',
      },
      paymentProvider: 'manual',
      expiresAt: new Date(time + 900_000).toISOString(),
    });
    for (const line of lines) {
      yield event('StockReserved', `stock-${line.sku}@${location}`, {
        sku: line.sku,
        location,
        orderId,
        quantity: line.quantity,
        expiresAt: new Date(time + 900_000).toISOString(),
      });
    }
    yield event('PaymentCaptured', `order-${orderId}`, {
      orderId,
      paymentRef: `pay-${order}`,
      amount: { amount: total, currency: 'EUR' },
    });
  }
}
