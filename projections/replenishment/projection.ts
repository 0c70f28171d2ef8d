import type { Kysely } from 'kysely';
import type { RecordedEvent } from '../../commands/ports/event-store.ts';
import {
  isReplenishmentEvent,
  replenishmentEventTypes,
  type ReplenishmentEvent,
} from '../../domain/replenishment/index.ts';
import { assertNever } from '../../domain/assert-never.ts';
import { eventTime } from '../batch-write.ts';
import type { ReadModelProjection } from '../runtime/projection.ts';
import { setupReplenishment } from './setup.ts';
import type { ReplenishmentDatabase } from './tables.ts';

type Db = Kysely<ReplenishmentDatabase>;

/** Cache tag of everything this read model answers (staff lists, uncached today but ready). */
export const replenishmentTag = 'replenishment';

/**
 * Reorder points and replenishment suggestions for staff. Replenishment events are few (the
 * decider records only material changes), so each is applied by its own small statement.
 */
export function replenishmentProjection(): ReadModelProjection<ReplenishmentDatabase> {
  return {
    name: 'replenishment',
    version: 1,
    filter: { categories: ['replenishment'], eventTypes: replenishmentEventTypes },
    setup: setupReplenishment,
    async apply(db, events) {
      for (const event of events) {
        if (isReplenishmentEvent(event)) await applyEvent(db, event);
      }
      return { invalidate: events.length > 0 ? [replenishmentTag] : [] };
    },
  };
}

async function applyEvent(db: Db, event: RecordedEvent & ReplenishmentEvent): Promise<void> {
  const at = eventTime(event);
  switch (event.type) {
    case 'ReorderPointRecalculated': {
      const d = event.data;
      const row = {
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
      };
      await db
        .insertInto('reorder_points')
        .values({ sku: d.sku, location: d.location, ...row })
        .onConflict((oc) => oc.columns(['sku', 'location']).doUpdateSet(row))
        .execute();
      return;
    }
    case 'ReplenishmentSuggested': {
      const d = event.data;
      if (d.supersedes !== null) await close(db, d.supersedes, 'superseded', at, null);
      await db
        .insertInto('suggestions')
        .values({
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
        })
        .execute();
      return;
    }
    case 'ReplenishmentSuggestionWithdrawn':
      return close(db, event.data.suggestionId, 'withdrawn', at, null);
    case 'ReplenishmentSuggestionDismissed':
      return close(db, event.data.suggestionId, 'dismissed', at, event.data.note);
    case 'ReplenishmentPolicySet': {
      const d = event.data;
      const row = { lead_time_days: d.leadTimeDays, service_level: d.serviceLevel, updated_at: at };
      await db
        .insertInto('policies')
        .values({ sku: d.sku, location: d.location, ...row })
        .onConflict((oc) => oc.columns(['sku', 'location']).doUpdateSet(row))
        .execute();
      return;
    }
    default:
      return assertNever(event);
  }
}

async function close(
  db: Db,
  suggestionId: string,
  status: 'superseded' | 'withdrawn' | 'dismissed',
  at: string,
  note: string | null,
): Promise<void> {
  await db
    .updateTable('suggestions')
    .set({ status, closed_at: at, note })
    .where('suggestion_id', '=', suggestionId)
    .execute();
}
