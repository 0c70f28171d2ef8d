/** The replenishment read model's tables (schema `rm_replenishment_g<generation>`). */
import { col, defineTable, type DatabaseOf, type WriteRow } from '../table-declaration.ts';
import type { UpdateRow } from '../table-writes.ts';

/** Current stock targets per SKU and location, as the last `ReorderPointRecalculated` set them. */
export const reorderPoints = defineTable({
  name: 'reorder_points',
  columns: {
    sku: col.text(),
    location: col.text(),
    reorder_point: col.integer(),
    order_up_to: col.integer(),
    safety_stock: col.double(),
    expected_daily_demand: col.double(),
    lead_time_demand: col.double(),
    lead_time_days: col.integer(),
    service_level: col.double(),
    forecast_error_sd: col.double(),
    /** Availability and days of cover when the targets were recorded. */
    available: col.integer(),
    days_of_cover: col.double().nullable(),
    method: col.text(),
    demand_class: col.text(),
    history_days: col.integer(),
    as_of: col.timestamptz(),
    recalculated_at: col.timestamptz(),
  },
  primaryKey: ['sku', 'location'],
  indexes: [{ name: 'reorder_points_location_idx', on: ['location', 'sku'] }],
});

export type SuggestionStatus = 'open' | 'superseded' | 'withdrawn' | 'dismissed';

/** Every suggestion ever made, with what became of it. */
export const suggestions = defineTable({
  name: 'suggestions',
  columns: {
    suggestion_id: col.text(),
    sku: col.text(),
    location: col.text(),
    quantity: col.integer(),
    reason: col.text(),
    available: col.integer(),
    reorder_point: col.integer(),
    order_up_to: col.integer(),
    days_of_cover: col.double().nullable(),
    status: col.text<SuggestionStatus>(),
    suggested_at: col.timestamptz(),
    closed_at: col.timestamptz().nullable(),
    note: col.text().nullable(),
  },
  primaryKey: ['suggestion_id'],
  // The list is read open-first, newest first.
  indexes: [
    { name: 'suggestions_status_idx', on: ['status', 'suggested_at desc', 'suggestion_id'] },
    { name: 'suggestions_series_idx', on: ['sku', 'location', 'suggested_at desc'] },
  ],
});

/** Per SKU and location overrides set by admins; absent or null means the configured default. */
export const policies = defineTable({
  name: 'policies',
  columns: {
    sku: col.text(),
    location: col.text(),
    lead_time_days: col.integer().nullable(),
    service_level: col.double().nullable(),
    updated_at: col.timestamptz(),
  },
  primaryKey: ['sku', 'location'],
});

export const replenishmentTables = [reorderPoints, suggestions, policies] as const;

export type ReplenishmentDatabase = DatabaseOf<typeof replenishmentTables>;
export type ReorderPointRow = WriteRow<typeof reorderPoints>;
export type SuggestionRow = WriteRow<typeof suggestions>;
export type PolicyRow = WriteRow<typeof policies>;

/** What closing a suggestion sets. */
export const closingColumns = ['status', 'closed_at', 'note'] as const;
export type Closing = UpdateRow<typeof suggestions, (typeof closingColumns)[number]>;
