import type { DemandClass, ForecastMethod } from './events.ts';

type At = { sku: string; location: string };

/**
 * A forecast's figures, from the forecasting consumer. The decider derives the stock targets
 * (reorder point, order-up-to level, days of cover) and records them only when they changed
 * materially, so a consumer recalculating on every sale does not flood the log.
 * `available` is the stock stream's on hand minus reserved minus backordered, read by the handler.
 */
export type RecalculateReorderPoint = {
  type: 'RecalculateReorderPoint';
  data: At & {
    leadTimeDemand: number;
    safetyStock: number;
    forecastErrorSd: number;
    leadTimeDays: number;
    serviceLevel: number;
    /** Days of expected demand a suggestion orders beyond the reorder point (the review period). */
    reviewPeriodDays: number;
    method: ForecastMethod;
    demandClass: DemandClass;
    historyDays: number;
    available: number;
    asOf: string;
  };
};

/** Compares availability with the current reorder point: suggest, re-suggest, withdraw or nothing. */
export type ReviewReplenishment = {
  type: 'ReviewReplenishment';
  /** `suggestionId` names the suggestion this review would create (ids come in the command). */
  data: At & { available: number; suggestionId: string; now: string };
};

export type SetReplenishmentPolicy = {
  type: 'SetReplenishmentPolicy';
  data: At & { leadTimeDays: number | null; serviceLevel: number | null };
};

export type DismissReplenishmentSuggestion = {
  type: 'DismissReplenishmentSuggestion';
  data: At & { suggestionId: string; note: string | null };
};

export type ReplenishmentCommand =
  RecalculateReorderPoint | ReviewReplenishment | SetReplenishmentPolicy | DismissReplenishmentSuggestion;
