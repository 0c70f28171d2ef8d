import type { Migration } from '../../infra/sql/migrate.ts';

/**
 * The forecasting consumer's own tables (`consumers/forecasting/record-demand.ts`). Days are whole
 * days since 1970-01-01 (UTC), so neither driver turns them into local-time Dates.
 *
 * - processed events: what makes a redelivered event count once;
 * - orders and their lines (per location): to book cancellations and refunds against the day the
 *   demand was placed;
 * - daily demand per SKU and location: ordered, cancelled and refunded units;
 * - series: the day each SKU and location was last forecast as of, so a late redelivery of an
 *   older event never records an outdated forecast over a newer one;
 * - policies: per SKU and location lead time and service level, learnt from the bus.
 */
export const forecastingSchema: Migration = {
  id: '0007-forecasting',
  up: `
    create table qm_forecast_processed_events (
      event_id text primary key,
      processed_at timestamptz not null default now()
    );
    create table qm_forecast_orders (
      order_id text primary key,
      day integer not null,
      subtotal double precision not null,
      refunded double precision not null default 0
    );
    create table qm_forecast_order_lines (
      order_id text not null,
      line_id text not null,
      location text not null,
      sku text not null,
      quantity integer not null,
      cancelled integer not null default 0,
      primary key (order_id, line_id, location)
    );
    create table qm_forecast_daily_demand (
      sku text not null,
      location text not null,
      day integer not null,
      ordered double precision not null default 0,
      cancelled double precision not null default 0,
      refunded double precision not null default 0,
      primary key (sku, location, day)
    );
    create table qm_forecast_series (
      sku text not null,
      location text not null,
      forecast_day integer not null,
      primary key (sku, location)
    );
    create table qm_forecast_policies (
      sku text not null,
      location text not null,
      lead_time_days integer,
      service_level double precision,
      primary key (sku, location)
    );
  `,
};
