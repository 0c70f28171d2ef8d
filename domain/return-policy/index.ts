import type { Decider } from '../decider.ts';
import type { ReturnPolicyCommand } from './commands.ts';
import { decideReturnPolicy } from './decide.ts';
import type { ReturnPolicyEvent } from './events.ts';
import { initialReturnPolicyState, type ReturnPolicyState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export { isReturnPolicyEvent, refundMoments, returnPolicyEventTypes } from './events.ts';
export { defaultReturnPolicy, windowDaysFor } from './state.ts';

/** Stream `returnpolicy-shop` (see `returnPolicyStream`): the shop's one returns policy. */
export const returnPolicyDecider: Decider<ReturnPolicyCommand, ReturnPolicyEvent, ReturnPolicyState> = {
  decide: decideReturnPolicy,
  evolve: (_state, event) => ({ policy: event.data.policy, set: true }),
  initialState: initialReturnPolicyState,
};
