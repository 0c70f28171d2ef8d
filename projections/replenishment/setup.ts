import { sql, type Kysely } from 'kysely';
import { runDdl } from '../ddl.ts';
import type { ReplenishmentDatabase } from './tables.ts';

/** The replenishment tables; the suggestion list is read open-first, newest first, so indexed that way. */
export async function setupReplenishment(db: Kysely<ReplenishmentDatabase>, schema: string): Promise<void> {
  await runDdl(db as Kysely<unknown>, schema, (t) => [
    sql`create table ${t('reorder_points')} (
      sku text not null,
      location text not null,
      reorder_point integer not null,
      order_up_to integer not null,
      safety_stock double precision not null,
      expected_daily_demand double precision not null,
      lead_time_demand double precision not null,
      lead_time_days integer not null,
      service_level double precision not null,
      forecast_error_sd double precision not null,
      available integer not null,
      days_of_cover double precision,
      method text not null,
      demand_class text not null,
      history_days integer not null,
      as_of timestamptz not null,
      recalculated_at timestamptz not null,
      primary key (sku, location)
    )`,
    sql`create index reorder_points_location_idx on ${t('reorder_points')} (location, sku)`,
    sql`create table ${t('suggestions')} (
      suggestion_id text primary key,
      sku text not null,
      location text not null,
      quantity integer not null,
      reason text not null,
      available integer not null,
      reorder_point integer not null,
      order_up_to integer not null,
      days_of_cover double precision,
      status text not null,
      suggested_at timestamptz not null,
      closed_at timestamptz,
      note text
    )`,
    sql`create index suggestions_status_idx on ${t('suggestions')} (status, suggested_at desc, suggestion_id)`,
    sql`create index suggestions_series_idx on ${t('suggestions')} (sku, location, suggested_at desc)`,
    sql`create table ${t('policies')} (
      sku text not null,
      location text not null,
      lead_time_days integer,
      service_level double precision,
      updated_at timestamptz not null,
      primary key (sku, location)
    )`,
  ]);
}
