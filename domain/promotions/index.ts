import type { Decider } from '../decider.ts';
import type { PromotionCommand } from './commands.ts';
import { decidePromotion } from './decide.ts';
import type { PromotionEvent } from './events.ts';
import { evolvePromotion } from './evolve.ts';
import { initialPromotionState, type PromotionState } from './state.ts';

export type * from './commands.ts';
export type * from './definition.ts';
export type * from './events.ts';
export type * from './state.ts';
export { isPromotionEvent, promotionEventTypes } from './events.ts';
export { CodeAlreadyUsed, PromotionNotFound, UsageLimitReached } from './errors.ts';
export { validateDefinition, actionKinds } from './definition.ts';
export { normalizeCode, codeOrNull } from './codes.ts';
export { evaluatePromotions } from './evaluate.ts';
export { unitPriceUnder } from './shelf-price.ts';
export type * from './evaluate.ts';

/**
 * Stream `promotion-{id}` (see `promotionStream`): one promotion's definition, its versions and its
 * lifecycle. Its codes and its redemptions live in streams of their own (`coupon-`, `redemption-`),
 * so a checkout never contends on the promotion's stream.
 */
export const promotionDecider: Decider<PromotionCommand, PromotionEvent, PromotionState> = {
  decide: decidePromotion,
  evolve: evolvePromotion,
  initialState: initialPromotionState,
};
