import type { Generated } from 'kysely';

/** The forecasting consumer's tables (migration 0007); days are whole days since 1970-01-01 UTC. */
export interface ForecastingTables {
  qm_forecast_processed_events: { event_id: string; processed_at: Generated<Date> };
  /** `subtotal` and `refunded` in minor units: a refund's share of the subtotal is its share of units. */
  qm_forecast_orders: { order_id: string; day: number; subtotal: number; refunded: Generated<number> };
  qm_forecast_order_lines: {
    order_id: string;
    line_id: string;
    location: string;
    sku: string;
    quantity: number;
    cancelled: Generated<number>;
  };
  qm_forecast_daily_demand: {
    sku: string;
    location: string;
    day: number;
    ordered: Generated<number>;
    cancelled: Generated<number>;
    refunded: Generated<number>;
  };
  qm_forecast_series: { sku: string; location: string; forecast_day: number };
  qm_forecast_policies: {
    sku: string;
    location: string;
    lead_time_days: number | null;
    service_level: number | null;
  };
}

export type SeriesKey = { sku: string; location: string };

const DAY_MS = 86_400_000;

/** The UTC day of an ISO time, as days since 1970-01-01. */
export const epochDay = (isoTime: string): number => Math.floor(Date.parse(isoTime) / DAY_MS);
