import { sql } from 'kysely';
import type { SqlExecutor } from '../../infra/sql/sql-client.ts';
import { kyselyOver } from '../../infra/sql/kysely-over-sql.ts';
import type { ForecastingTables, SeriesKey } from './forecasting-tables.ts';

/**
 * Net daily demand of one series for the days before `beforeDay` (whole days only: today is not
 * over yet), from its first day with demand but at most `maxDays` back; days without orders are 0.
 */
export async function loadDemandHistory(
  executor: SqlExecutor,
  series: SeriesKey,
  beforeDay: number,
  maxDays: number,
): Promise<number[]> {
  const db = kyselyOver<ForecastingTables>(executor);
  const from = beforeDay - maxDays;
  const rows = await db
    .selectFrom('qm_forecast_daily_demand')
    .select(['day', 'ordered', 'cancelled', 'refunded'])
    .where('sku', '=', series.sku)
    .where('location', '=', series.location)
    .where('day', '>=', from)
    .where('day', '<', beforeDay)
    .orderBy('day')
    .execute();
  const first = rows[0]?.day;
  if (first === undefined) return [];
  // An earlier row outside the window means the series is older than the window: start at its edge.
  const older = await db
    .selectFrom('qm_forecast_daily_demand')
    .select('day')
    .where('sku', '=', series.sku)
    .where('location', '=', series.location)
    .where('day', '<', from)
    .limit(1)
    .executeTakeFirst();
  const start = older === undefined ? first : from;
  const history = Array.from({ length: beforeDay - start }, () => 0);
  for (const row of rows) {
    history[row.day - start] = Math.max(
      0,
      Number(row.ordered) - Number(row.cancelled) - Number(row.refunded),
    );
  }
  return history;
}

export type SeriesPolicy = { leadTimeDays: number | null; serviceLevel: number | null };

export async function loadPolicy(executor: SqlExecutor, series: SeriesKey): Promise<SeriesPolicy> {
  const row = await kyselyOver<ForecastingTables>(executor)
    .selectFrom('qm_forecast_policies')
    .select(['lead_time_days', 'service_level'])
    .where('sku', '=', series.sku)
    .where('location', '=', series.location)
    .executeTakeFirst();
  return { leadTimeDays: row?.lead_time_days ?? null, serviceLevel: row?.service_level ?? null };
}

/** The day the series was last forecast as of (null: never). */
export async function lastForecastDay(executor: SqlExecutor, series: SeriesKey): Promise<number | null> {
  const row = await kyselyOver<ForecastingTables>(executor)
    .selectFrom('qm_forecast_series')
    .select('forecast_day')
    .where('sku', '=', series.sku)
    .where('location', '=', series.location)
    .executeTakeFirst();
  return row?.forecast_day ?? null;
}

/** Records that the series was forecast as of `day` (never moving back). */
export async function markForecastDay(executor: SqlExecutor, series: SeriesKey, day: number): Promise<void> {
  await kyselyOver<ForecastingTables>(executor)
    .insertInto('qm_forecast_series')
    .values({ ...series, forecast_day: day })
    .onConflict((oc) =>
      oc.columns(['sku', 'location']).doUpdateSet({
        forecast_day: sql<number>`greatest(qm_forecast_series.forecast_day, excluded.forecast_day)`,
      }),
    )
    .execute();
}
