import type { Decider } from '../decider.ts';
import type { ReturnCommand } from './commands.ts';
import { decideReturn } from './decide.ts';
import type { ReturnEvent } from './events.ts';
import { evolveReturn } from './evolve.ts';
import { initialReturnState, type ReturnState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export type { RefundDue } from './refund-due.ts';
export { isReturnEvent, returnEventTypes } from './events.ts';
export { isFullyReceived, receivedQuantity, refundedTotal } from './state.ts';
export { refundDue } from './refund-due.ts';
export { returnAllowedFrom } from './decide.ts';

/** Stream `return-{returnId}` (see `returnStream`): one return, from request to refund. */
export const returnDecider: Decider<ReturnCommand, ReturnEvent, ReturnState> = {
  decide: decideReturn,
  evolve: evolveReturn,
  initialState: initialReturnState,
};
