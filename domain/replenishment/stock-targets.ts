import type { RecalculateReorderPoint } from './commands.ts';
import type { OpenSuggestion, Targets } from './state.ts';

/** Figures in events are rounded so that the JSON stays readable and replays compare equal. */
export const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** Reorder point = expected demand over the lead time + safety stock, in whole units (rounded up). */
export function reorderPointOf(leadTimeDemand: number, safetyStock: number): number {
  // The epsilon keeps 12.000000001 (a floating-point sum) from becoming 13.
  return Math.max(0, Math.ceil(leadTimeDemand + safetyStock - 1e-9));
}

/** Stock lasts this many days at the expected rate; null when no demand is expected. */
export function daysOfCover(available: number, expectedDailyDemand: number): number | null {
  if (expectedDailyDemand <= 0) return null;
  return Math.round((Math.max(0, available) / expectedDailyDemand) * 10) / 10;
}

export function targetsOf(data: RecalculateReorderPoint['data']): Targets {
  const expectedDailyDemand = round3(data.leadTimeDemand / data.leadTimeDays);
  const reorderPoint = reorderPointOf(data.leadTimeDemand, data.safetyStock);
  return {
    reorderPoint,
    orderUpTo: Math.ceil(reorderPoint + expectedDailyDemand * data.reviewPeriodDays - 1e-9),
    expectedDailyDemand,
    leadTimeDays: data.leadTimeDays,
    serviceLevel: data.serviceLevel,
    method: data.method,
  };
}

/**
 * Whether new targets are worth an event. Forecasts move a little with every day of history;
 * recording each wobble would flood the audit log and the suggestions with noise, so only a change
 * of at least 10% (and at least one unit, or 0.05 units a day) counts, or a change of policy or method.
 */
export function changedMaterially(previous: Targets | null, next: Targets): boolean {
  if (previous === null) return true;
  if (
    previous.leadTimeDays !== next.leadTimeDays ||
    previous.serviceLevel !== next.serviceLevel ||
    previous.method !== next.method
  ) {
    return true;
  }
  const reorderPointMoved =
    Math.abs(next.reorderPoint - previous.reorderPoint) >= Math.max(1, 0.1 * previous.reorderPoint);
  const demandMoved =
    Math.abs(next.expectedDailyDemand - previous.expectedDailyDemand) >=
    Math.max(0.05, 0.1 * previous.expectedDailyDemand);
  return reorderPointMoved || demandMoved;
}

/** A new quantity replaces an open suggestion only when it differs by 20% (and at least one unit). */
export function suggestionChangedMaterially(open: OpenSuggestion, quantity: number): boolean {
  return Math.abs(quantity - open.quantity) >= Math.max(1, 0.2 * open.quantity);
}
