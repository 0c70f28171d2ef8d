import { assertNever } from '../assert-never.ts';
import { InvalidTransition } from '../errors.ts';
import { OrderNotFound } from './errors.ts';
import { cancelOrder } from './cancel-order.ts';
import { cancelOrderLines } from './cancel-lines.ts';
import { closeDispute, openDispute, withdrawDisputeFunds } from './disputes.ts';
import { openClaim, resolveClaim } from './claims.ts';
import { editOrder } from './edit-order.ts';
import { captureExtraPayment, openExtraPayment } from './edit-payment.ts';
import { captureExchangeCharge, exchangeLine } from './exchanges.ts';
import type { OrderCommand } from './commands.ts';
import type { OrderEvent } from './events.ts';
import { createShipment, markDelivered, recordTracking } from './fulfilment.ts';
import {
  authorizePayment,
  capturePayment,
  issueRefund,
  recordPaymentFailure,
  startPaymentAttempt,
} from './payments.ts';
import { placeOrder } from './place-order.ts';
import type { ExistingOrder, OrderState, OrderStatus } from './state.ts';

type LifecycleCommand = Exclude<OrderCommand, { type: 'PlaceOrder' }>;

/**
 * The order lifecycle in one table: which command is allowed from which status. Anything else is
 * an `InvalidTransition`. Payment may be retried after a failure; refunds follow the money, so they
 * stay possible after cancellation or delivery.
 */
export const allowedFrom: Record<LifecycleCommand['type'], readonly OrderStatus[]> = {
  AuthorizePayment: ['placed', 'payment_failed'],
  // Captures may wait for shipment (capture-at-shipment), so they stay possible once shipped.
  CapturePayment: ['placed', 'authorized', 'payment_failed', 'partially_shipped', 'shipped', 'delivered'],
  RecordPaymentFailure: ['placed', 'authorized', 'payment_failed'],
  StartPaymentAttempt: ['payment_failed'],
  CancelOrder: ['placed', 'authorized', 'paid', 'payment_failed'],
  // Only before anything shipped: every allocation is still whole then.
  CancelOrderLines: ['placed', 'authorized', 'paid', 'payment_failed'],
  // Edits that add units: before anything shipped, like partial cancellation.
  EditOrder: ['placed', 'authorized', 'paid', 'payment_failed'],
  // An edit's difference is paid when the customer pays it, which may be after the order shipped.
  OpenExtraPayment: ['authorized', 'paid', 'partially_shipped', 'shipped', 'delivered'],
  CaptureExtraPayment: ['authorized', 'paid', 'partially_shipped', 'shipped', 'delivered'],
  // An authorized payment is enough to ship; the capture follows the shipment.
  CreateShipment: ['authorized', 'paid', 'partially_shipped'],
  MarkDelivered: ['shipped'],
  // Carriers report on parcels until (and after) they arrive.
  RecordTracking: ['partially_shipped', 'shipped', 'delivered'],
  IssueRefund: ['paid', 'partially_shipped', 'shipped', 'delivered', 'cancelled'],
  // Chargebacks follow captured money too, whatever became of the order since.
  OpenDispute: ['paid', 'partially_shipped', 'shipped', 'delivered', 'cancelled'],
  WithdrawDisputeFunds: ['paid', 'partially_shipped', 'shipped', 'delivered', 'cancelled'],
  CloseDispute: ['paid', 'partially_shipped', 'shipped', 'delivered', 'cancelled'],
  // Exchanges are of delivered goods; the replacement makes the order partially shipped again.
  ExchangeLine: ['delivered'],
  CaptureExchangeCharge: ['partially_shipped', 'shipped', 'delivered'],
  // Claims are on what shipped; a replacement makes the order partially shipped again.
  OpenClaim: ['partially_shipped', 'shipped', 'delivered'],
  ResolveClaim: ['partially_shipped', 'shipped', 'delivered'],
};

export function decideOrder(command: OrderCommand, state: OrderState): OrderEvent[] {
  if (command.type === 'PlaceOrder') return placeOrder(command, state);
  const order = existing(command, state);
  switch (command.type) {
    case 'AuthorizePayment':
      return authorizePayment(command, order);
    case 'CapturePayment':
      return capturePayment(command, order);
    case 'RecordPaymentFailure':
      return recordPaymentFailure(command, order);
    case 'StartPaymentAttempt':
      return startPaymentAttempt(command, order);
    case 'CancelOrder':
      return cancelOrder(command, order);
    case 'CancelOrderLines':
      return cancelOrderLines(command, order);
    case 'EditOrder':
      return editOrder(command, order);
    case 'OpenExtraPayment':
      return openExtraPayment(command, order);
    case 'CaptureExtraPayment':
      return captureExtraPayment(command, order);
    case 'CreateShipment':
      return createShipment(command, order);
    case 'MarkDelivered':
      return markDelivered(command);
    case 'RecordTracking':
      return recordTracking(command, order);
    case 'IssueRefund':
      return issueRefund(command, order);
    case 'OpenDispute':
      return openDispute(command, order);
    case 'WithdrawDisputeFunds':
      return withdrawDisputeFunds(command, order);
    case 'CloseDispute':
      return closeDispute(command, order);
    case 'ExchangeLine':
      return exchangeLine(command, order);
    case 'CaptureExchangeCharge':
      return captureExchangeCharge(command, order);
    case 'OpenClaim':
      return openClaim(command, order);
    case 'ResolveClaim':
      return resolveClaim(command, order);
    default:
      return assertNever(command);
  }
}

function existing(command: LifecycleCommand, state: OrderState): ExistingOrder {
  if (state.status === 'none') throw new OrderNotFound(command.data.orderId);
  if (!allowedFrom[command.type].includes(state.status)) {
    throw new InvalidTransition({
      aggregate: 'order',
      id: state.orderId,
      from: state.status,
      command: command.type,
    });
  }
  return state;
}
