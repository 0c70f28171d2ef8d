/** Every replenishment event names its SKU and location, so the global log reads without parsing stream names. */
type At = { sku: string; location: string };

/** How a forecast was made (see consumers/forecasting and docs/forecasting.md). */
export type ForecastMethod = 'holt' | 'holt-winters' | 'sba' | 'mean';
export const forecastMethods: readonly ForecastMethod[] = ['holt', 'holt-winters', 'sba', 'mean'];

/** Syntetos–Boylan categories (ADI / CV²); `short` when there is too little history to classify. */
export type DemandClass = 'smooth' | 'erratic' | 'intermittent' | 'lumpy' | 'short';
export const demandClasses: readonly DemandClass[] = ['smooth', 'erratic', 'intermittent', 'lumpy', 'short'];

/**
 * New stock targets from a forecast. `reorderPoint` = `leadTimeDemand` + `safetyStock`, rounded up
 * to whole units; `daysOfCover` is `available / expectedDailyDemand` when it was recorded (null
 * when no demand is expected: stock then lasts indefinitely).
 */
export type ReorderPointRecalculated = {
  type: 'ReorderPointRecalculated';
  data: At & {
    reorderPoint: number;
    /** What a suggestion orders up to: the reorder point plus the review period's expected demand. */
    orderUpTo: number;
    safetyStock: number;
    expectedDailyDemand: number;
    leadTimeDemand: number;
    leadTimeDays: number;
    serviceLevel: number;
    /** Standard deviation of one-day forecast errors the safety stock was sized from. */
    forecastErrorSd: number;
    available: number;
    daysOfCover: number | null;
    method: ForecastMethod;
    demandClass: DemandClass;
    historyDays: number;
    asOf: string;
    previousReorderPoint: number | null;
  };
};

export type SuggestionReason = 'below_reorder_point';

/** Order `quantity` more: availability fell to the reorder point. Supersedes an open suggestion, if any. */
export type ReplenishmentSuggested = {
  type: 'ReplenishmentSuggested';
  data: At & {
    suggestionId: string;
    quantity: number;
    reason: SuggestionReason;
    available: number;
    reorderPoint: number;
    orderUpTo: number;
    daysOfCover: number | null;
    supersedes: string | null;
    suggestedAt: string;
  };
};

/** Stock came back above the reorder point (a receipt, a cancellation): the suggestion is moot. */
export type ReplenishmentSuggestionWithdrawn = {
  type: 'ReplenishmentSuggestionWithdrawn';
  data: At & { suggestionId: string; reason: 'stock_above_reorder_point'; available: number };
};

/** A person decided against the suggestion; no new one follows until stock has recovered first. */
export type ReplenishmentSuggestionDismissed = {
  type: 'ReplenishmentSuggestionDismissed';
  data: At & { suggestionId: string; note: string | null };
};

/** Per SKU and location overrides; `null` falls back to the configured defaults. */
export type ReplenishmentPolicySet = {
  type: 'ReplenishmentPolicySet';
  data: At & {
    leadTimeDays: number | null;
    serviceLevel: number | null;
    previous: { leadTimeDays: number | null; serviceLevel: number | null };
  };
};

export type ReplenishmentEvent =
  | ReorderPointRecalculated
  | ReplenishmentSuggested
  | ReplenishmentSuggestionWithdrawn
  | ReplenishmentSuggestionDismissed
  | ReplenishmentPolicySet;

const types: Record<ReplenishmentEvent['type'], true> = {
  ReorderPointRecalculated: true,
  ReplenishmentSuggested: true,
  ReplenishmentSuggestionWithdrawn: true,
  ReplenishmentSuggestionDismissed: true,
  ReplenishmentPolicySet: true,
};

export const replenishmentEventTypes = Object.keys(types) as ReplenishmentEvent['type'][];

export function isReplenishmentEvent(event: { type: string }): event is ReplenishmentEvent {
  return Object.hasOwn(types, event.type);
}
