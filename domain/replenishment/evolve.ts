import { assertNever } from '../assert-never.ts';
import type { ReplenishmentEvent } from './events.ts';
import { replenishmentLevels, type ReplenishmentLevels, type ReplenishmentState } from './state.ts';

/** Pure and total: every event applies to whatever state it meets. */
export function evolveReplenishment(
  state: ReplenishmentState,
  event: ReplenishmentEvent,
): ReplenishmentState {
  const current = replenishmentLevels(state, event.data.sku, event.data.location);
  return { status: 'tracked', ...apply(current, event) };
}

function apply(s: ReplenishmentLevels, event: ReplenishmentEvent): ReplenishmentLevels {
  switch (event.type) {
    case 'ReorderPointRecalculated': {
      const d = event.data;
      return {
        ...s,
        targets: {
          reorderPoint: d.reorderPoint,
          orderUpTo: d.orderUpTo,
          expectedDailyDemand: d.expectedDailyDemand,
          leadTimeDays: d.leadTimeDays,
          serviceLevel: d.serviceLevel,
          method: d.method,
        },
        // New targets are new information: a dismissal made on the old ones no longer holds.
        dismissed: false,
      };
    }
    case 'ReplenishmentSuggested':
      return { ...s, open: { suggestionId: event.data.suggestionId, quantity: event.data.quantity } };
    case 'ReplenishmentSuggestionWithdrawn':
      return { ...s, open: null, dismissed: false };
    case 'ReplenishmentSuggestionDismissed':
      return { ...s, open: null, dismissed: true };
    case 'ReplenishmentPolicySet':
      return {
        ...s,
        policy: { leadTimeDays: event.data.leadTimeDays, serviceLevel: event.data.serviceLevel },
      };
    default:
      return assertNever(event);
  }
}
