import type { Timestamp } from '../column-types.ts';

/** Current stock targets per SKU and location, as the last `ReorderPointRecalculated` set them. */
export interface ReorderPointsTable {
  sku: string;
  location: string;
  reorder_point: number;
  order_up_to: number;
  safety_stock: number;
  expected_daily_demand: number;
  lead_time_demand: number;
  lead_time_days: number;
  service_level: number;
  forecast_error_sd: number;
  /** Availability and days of cover when the targets were recorded. */
  available: number;
  days_of_cover: number | null;
  method: string;
  demand_class: string;
  history_days: number;
  as_of: Timestamp;
  recalculated_at: Timestamp;
}

export type SuggestionStatus = 'open' | 'superseded' | 'withdrawn' | 'dismissed';

/** Every suggestion ever made, with what became of it. */
export interface SuggestionsTable {
  suggestion_id: string;
  sku: string;
  location: string;
  quantity: number;
  reason: string;
  available: number;
  reorder_point: number;
  order_up_to: number;
  days_of_cover: number | null;
  status: SuggestionStatus;
  suggested_at: Timestamp;
  closed_at: Timestamp | null;
  note: string | null;
}

/** Per SKU and location overrides set by admins; absent or null means the configured default. */
export interface PoliciesTable {
  sku: string;
  location: string;
  lead_time_days: number | null;
  service_level: number | null;
  updated_at: Timestamp;
}

export interface ReplenishmentDatabase {
  reorder_points: ReorderPointsTable;
  suggestions: SuggestionsTable;
  policies: PoliciesTable;
}
