import { assertNever } from '../assert-never.ts';
import { get, remove, set } from '../persistent-map.ts';
import { UsageLimitReached } from '../promotions/errors.ts';
import { requirePositiveInt } from '../validation.ts';
import type { RedemptionCommand } from './commands.ts';
import type { RedemptionEvent } from './events.ts';
import type { RedemptionState } from './state.ts';

const limitName = { promotion: 'total', code: 'per_code', customer: 'per_customer' } as const;

/**
 * Exact limits: a redemption is refused when it would take the units in use past the limit. The
 * stream's revision is the lock: two checkouts that both saw the last use left conflict on append,
 * and the loser is decided again on the fresh state and refused.
 */
export function decideRedemption(command: RedemptionCommand, state: RedemptionState): RedemptionEvent[] {
  const { orderId, key, scope } = command.data;
  switch (command.type) {
    case 'RedeemPromotion': {
      const { units, limit } = command.data;
      requirePositiveInt('units', units);
      // The same order redeeming again is a retry of its placement.
      if (get(state.held, orderId)) return [];
      if (limit !== null && state.used + units > limit)
        throw new UsageLimitReached({
          limit: limitName[scope],
          key,
          allowed: limit,
          used: state.used,
          requested: units,
        });
      const { limit: _limit, ...data } = command.data;
      return [{ type: 'PromotionRedeemed', data }];
    }
    case 'ReleaseRedemption': {
      const held = get(state.held, orderId);
      if (!held) return [];
      return [
        {
          type: 'RedemptionReleased',
          data: {
            scope,
            key,
            promotionId: held.promotionId,
            orderId,
            units: held.units,
            amount: held.amount,
            reason: command.data.reason,
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

export function evolveRedemption(state: RedemptionState, event: RedemptionEvent): RedemptionState {
  const { orderId, units } = event.data;
  switch (event.type) {
    case 'PromotionRedeemed':
      if (get(state.held, orderId)) return state;
      return {
        used: state.used + units,
        held: set(state.held, orderId, {
          units,
          amount: event.data.amount,
          promotionId: event.data.promotionId,
        }),
      };
    case 'RedemptionReleased':
      // Given back once: a second release of the same order finds nothing held.
      if (!get(state.held, orderId)) return state;
      return { used: state.used - units, held: remove(state.held, orderId) };
    default:
      return assertNever(event);
  }
}
