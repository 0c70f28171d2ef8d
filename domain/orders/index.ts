import type { Decider } from '../decider.ts';
import type { OrderCommand } from './commands.ts';
import { decideOrder } from './decide.ts';
import type { OrderEvent } from './events.ts';
import { evolveOrder } from './evolve.ts';
import { initialOrderState, type OrderState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export {
  cancellationReasons,
  claimReasons,
  disputeOutcomes,
  isOrderEvent,
  orderEventTypes,
  trackingStatuses,
} from './events.ts';
export {
  claimsOf,
  disputedFunds,
  disputesOf,
  exchangesOf,
  isFullyShipped,
  shippedQuantity,
} from './state.ts';
export { exchangeDifference } from './exchanges.ts';
export { linePaid } from './line-paid.ts';
export { claimRefund } from './claims.ts';
export { releaseReasonFor } from './cancel-order.ts';
export { allowedFrom } from './decide.ts';
export { pricedTotals, unknownTaxDetail } from './totals.ts';

/** Stream `order-{orderId}` (see `orderStream`). */
export const orderDecider: Decider<OrderCommand, OrderEvent, OrderState> = {
  decide: decideOrder,
  evolve: evolveOrder,
  initialState: initialOrderState,
};
