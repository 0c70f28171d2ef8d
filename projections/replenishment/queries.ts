import type { Kysely } from 'kysely';
import type { ReplenishmentDatabase, SuggestionStatus } from './tables.ts';
import { isoTime as iso } from '../batch-write.ts';

export interface SuggestionQuery {
  status?: SuggestionStatus | undefined;
  sku?: string | undefined;
  location?: string | undefined;
  limit: number;
}

/** Suggestions newest first, by status (open ones by default callers' choice), SKU and location. */
export async function listSuggestions(db: Kysely<ReplenishmentDatabase>, request: SuggestionQuery) {
  let query = db.selectFrom('suggestions').selectAll();
  if (request.status) query = query.where('status', '=', request.status);
  if (request.sku) query = query.where('sku', '=', request.sku);
  if (request.location) query = query.where('location', '=', request.location);
  const rows = await query
    .orderBy('suggested_at', 'desc')
    .orderBy('suggestion_id')
    .limit(request.limit)
    .execute();
  return rows.map((row) => ({
    suggestionId: row.suggestion_id,
    sku: row.sku,
    location: row.location,
    quantity: row.quantity,
    reason: row.reason,
    available: row.available,
    reorderPoint: row.reorder_point,
    orderUpTo: row.order_up_to,
    daysOfCover: row.days_of_cover,
    status: row.status,
    suggestedAt: iso(row.suggested_at),
    closedAt: row.closed_at === null ? null : iso(row.closed_at),
    note: row.note,
  }));
}

export interface ReorderPointQuery {
  sku?: string | undefined;
  location?: string | undefined;
  /** Only series with fewer days of cover than this. */
  maxDaysOfCover?: number | undefined;
  limit: number;
}

/** Reorder points, fewest days of cover first (what runs out soonest), with the policy in force. */
export async function listReorderPoints(db: Kysely<ReplenishmentDatabase>, request: ReorderPointQuery) {
  let query = db
    .selectFrom('reorder_points as r')
    .leftJoin('policies as p', (join) =>
      join.onRef('p.sku', '=', 'r.sku').onRef('p.location', '=', 'r.location'),
    )
    .selectAll('r')
    .select(['p.lead_time_days as policy_lead_time_days', 'p.service_level as policy_service_level']);
  if (request.sku) query = query.where('r.sku', '=', request.sku);
  if (request.location) query = query.where('r.location', '=', request.location);
  if (request.maxDaysOfCover !== undefined)
    query = query.where('r.days_of_cover', '<', request.maxDaysOfCover);
  const rows = await query
    .orderBy('r.days_of_cover', (o) => o.asc().nullsLast())
    .orderBy('r.sku')
    .orderBy('r.location')
    .limit(request.limit)
    .execute();
  return rows.map((row) => ({
    sku: row.sku,
    location: row.location,
    reorderPoint: row.reorder_point,
    orderUpTo: row.order_up_to,
    safetyStock: row.safety_stock,
    expectedDailyDemand: row.expected_daily_demand,
    leadTimeDemand: row.lead_time_demand,
    leadTimeDays: row.lead_time_days,
    serviceLevel: row.service_level,
    forecastErrorSd: row.forecast_error_sd,
    available: row.available,
    daysOfCover: row.days_of_cover,
    method: row.method,
    demandClass: row.demand_class,
    historyDays: row.history_days,
    asOf: iso(row.as_of),
    recalculatedAt: iso(row.recalculated_at),
    policy: { leadTimeDays: row.policy_lead_time_days, serviceLevel: row.policy_service_level },
  }));
}
