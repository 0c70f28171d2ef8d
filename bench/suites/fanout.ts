import { writeResult, type Metric } from '../lib/results.ts';
import { measureClickhouse } from './fanout-clickhouse.ts';
import { forecastBacktest } from './fanout-forecast.ts';
import { measureFanoutLag } from './fanout-lag.ts';

/**
 * `npm run bench -- fanout`: fan-out lag over NATS (PostgreSQL event store, real nats-server), the
 * ClickHouse projection and report timings on chDB, and the forecasting backtest. Writes
 * bench/results/fanout.json with fanout_lag_p50_ms, fanout_lag_p99_ms, clickhouse_rows_per_s,
 * top_sellers_by_day_ms, sales_by_month_ms, mase_trend, mase_seasonal, mase_intermittent.
 *
 * `QM_BENCH_FANOUT_LINES` lowers the 10 million generated order lines for a quick run.
 */
export async function fanoutBench(options: { seconds: number }): Promise<void> {
  const log = (line: string) => console.log(line);
  const metrics: Record<string, Metric> = {};
  Object.assign(metrics, await measureFanoutLag({ seconds: Math.max(options.seconds, 3), log }));
  const lines = process.env.QM_BENCH_FANOUT_LINES ? Number(process.env.QM_BENCH_FANOUT_LINES) : undefined;
  Object.assign(
    metrics,
    await measureClickhouse({ seconds: options.seconds, log, ...(lines ? { lines } : {}) }),
  );
  Object.assign(metrics, forecastBacktest().metrics);
  writeResult({
    suite: 'fanout',
    at: new Date().toISOString(),
    metrics,
    notes: [
      'fanout lag: PostgreSQL event store → publisher projector → nats-server JetStream → durable consumer, 1,000 events/s',
      `order lines for the query timings: ${lines ?? 10_000_000}`,
    ],
  });
}
