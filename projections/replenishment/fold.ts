/**
 * The replenishment read model's batch fold: pure, in memory. A batch becomes the last targets and
 * policy per SKU and location, the suggestions it made (already closed if the batch also closed
 * them), and the closings of suggestions made by earlier batches.
 */
import type { RecordedEvent } from '../../ports/event-store.ts';
import { assertNever } from '../../domain/assert-never.ts';
import { isReplenishmentEvent } from '../../domain/replenishment/index.ts';
import { eventTime } from '../batch-write.ts';
import type { Closing, PolicyRow, ReorderPointRow, SuggestionRow } from './tables.ts';

export interface ReplenishmentChanges {
  reorderPoints: ReorderPointRow[];
  policies: PolicyRow[];
  /** Made in this batch, as they stand at its end. */
  suggestions: SuggestionRow[];
  /** Suggestions made before this batch that it closed (the last closing of each). */
  closings: Closing[];
}

const key = (sku: string, location: string) => `${sku}\u0000${location}`;

export function foldReplenishment(events: readonly RecordedEvent[]): ReplenishmentChanges {
  const reorderPoints = new Map<string, ReorderPointRow>();
  const policies = new Map<string, PolicyRow>();
  const made = new Map<string, SuggestionRow>();
  const closings = new Map<string, Closing>();
  const close = (closing: Closing) => {
    const suggestion = made.get(closing.suggestion_id);
    if (suggestion) Object.assign(suggestion, closing);
    else closings.set(closing.suggestion_id, closing);
  };
  for (const event of events) {
    if (!isReplenishmentEvent(event)) continue;
    const at = eventTime(event);
    switch (event.type) {
      case 'ReorderPointRecalculated': {
        const d = event.data;
        reorderPoints.set(key(d.sku, d.location), {
          sku: d.sku,
          location: d.location,
          reorder_point: d.reorderPoint,
          order_up_to: d.orderUpTo,
          safety_stock: d.safetyStock,
          expected_daily_demand: d.expectedDailyDemand,
          lead_time_demand: d.leadTimeDemand,
          lead_time_days: d.leadTimeDays,
          service_level: d.serviceLevel,
          forecast_error_sd: d.forecastErrorSd,
          available: d.available,
          days_of_cover: d.daysOfCover,
          method: d.method,
          demand_class: d.demandClass,
          history_days: d.historyDays,
          as_of: d.asOf,
          recalculated_at: at,
        });
        break;
      }
      case 'ReplenishmentSuggested': {
        const d = event.data;
        if (d.supersedes !== null) {
          close({ suggestion_id: d.supersedes, status: 'superseded', closed_at: at, note: null });
        }
        made.set(d.suggestionId, {
          suggestion_id: d.suggestionId,
          sku: d.sku,
          location: d.location,
          quantity: d.quantity,
          reason: d.reason,
          available: d.available,
          reorder_point: d.reorderPoint,
          order_up_to: d.orderUpTo,
          days_of_cover: d.daysOfCover,
          status: 'open',
          suggested_at: d.suggestedAt,
          closed_at: null,
          note: null,
        });
        break;
      }
      case 'ReplenishmentSuggestionWithdrawn':
        close({ suggestion_id: event.data.suggestionId, status: 'withdrawn', closed_at: at, note: null });
        break;
      case 'ReplenishmentSuggestionDismissed':
        close({
          suggestion_id: event.data.suggestionId,
          status: 'dismissed',
          closed_at: at,
          note: event.data.note,
        });
        break;
      case 'ReplenishmentPolicySet': {
        const d = event.data;
        policies.set(key(d.sku, d.location), {
          sku: d.sku,
          location: d.location,
          lead_time_days: d.leadTimeDays,
          service_level: d.serviceLevel,
          updated_at: at,
        });
        break;
      }
      default:
        assertNever(event);
    }
  }
  return {
    reorderPoints: [...reorderPoints.values()],
    policies: [...policies.values()],
    suggestions: [...made.values()],
    closings: [...closings.values()],
  };
}
