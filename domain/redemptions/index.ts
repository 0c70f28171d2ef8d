import type { Decider } from '../decider.ts';
import type { RedemptionCommand } from './commands.ts';
import { decideRedemption, evolveRedemption } from './decide.ts';
import type { RedemptionEvent } from './events.ts';
import { initialRedemptionState, type RedemptionState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export { isRedemptionEvent, redemptionEventTypes } from './events.ts';

/**
 * Redemption streams, one per limit: `redemption-{promotionId}` (every redemption of the promotion,
 * its total limit), `couponuse-{CODE}` (one code's uses) and
 * `redemption-{promotionId}@{customerId}` (one customer's). They are appended in the same atomic
 * multi-stream append as the order, so a limit is never exceeded (see `redemptionSteps`).
 */
export const redemptionDecider: Decider<RedemptionCommand, RedemptionEvent, RedemptionState> = {
  decide: decideRedemption,
  evolve: evolveRedemption,
  initialState: initialRedemptionState,
};
