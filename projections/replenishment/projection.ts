import { replenishmentEventTypes } from '../../domain/replenishment/index.ts';
import { insertRows, updateRows, upsertRows, type ColumnTypes } from '../batch-write.ts';
import type { ReadModelProjection } from '../runtime/projection.ts';
import { foldReplenishment } from './fold.ts';
import { setupReplenishment } from './setup.ts';
import type { ReplenishmentDatabase } from './tables.ts';

/** Cache tag of everything this read model answers (staff lists, uncached today but ready). */
export const replenishmentTag = 'replenishment';

/**
 * Reorder points and replenishment suggestions for staff. Per batch: one statement per table
 * (upserts of targets and policies, an insert of new suggestions, an update closing older ones).
 */
export function replenishmentProjection(): ReadModelProjection<ReplenishmentDatabase> {
  return {
    name: 'replenishment',
    version: 1,
    filter: { categories: ['replenishment'], eventTypes: replenishmentEventTypes },
    setup: setupReplenishment,
    async apply(db, events) {
      const changes = foldReplenishment(events);
      await upsertRows(db, 'reorder_points', ['sku', 'location'], reorderPointTypes, changes.reorderPoints);
      await upsertRows(db, 'policies', ['sku', 'location'], policyTypes, changes.policies);
      await insertRows(db, 'suggestions', ['suggestion_id'], suggestionTypes, changes.suggestions);
      await updateRows(db, 'suggestions', ['suggestion_id'], closingTypes, changes.closings);
      return { invalidate: events.length > 0 ? [replenishmentTag] : [] };
    },
  };
}

const reorderPointTypes: ColumnTypes = {
  sku: 'text',
  location: 'text',
  reorder_point: 'integer',
  order_up_to: 'integer',
  safety_stock: 'double precision',
  expected_daily_demand: 'double precision',
  lead_time_demand: 'double precision',
  lead_time_days: 'integer',
  service_level: 'double precision',
  forecast_error_sd: 'double precision',
  available: 'integer',
  days_of_cover: 'double precision',
  method: 'text',
  demand_class: 'text',
  history_days: 'integer',
  as_of: 'timestamptz',
  recalculated_at: 'timestamptz',
};

const policyTypes: ColumnTypes = {
  sku: 'text',
  location: 'text',
  lead_time_days: 'integer',
  service_level: 'double precision',
  updated_at: 'timestamptz',
};

const suggestionTypes: ColumnTypes = {
  suggestion_id: 'text',
  sku: 'text',
  location: 'text',
  quantity: 'integer',
  reason: 'text',
  available: 'integer',
  reorder_point: 'integer',
  order_up_to: 'integer',
  days_of_cover: 'double precision',
  status: 'text',
  suggested_at: 'timestamptz',
  closed_at: 'timestamptz',
  note: 'text',
};

const closingTypes: ColumnTypes = {
  suggestion_id: 'text',
  status: 'text',
  closed_at: 'timestamptz',
  note: 'text',
};
