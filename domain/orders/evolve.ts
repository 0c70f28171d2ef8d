import { assertNever } from '../assert-never.ts';
import { lineAfterCancel, totalsAfterCancel } from './cancel-lines.ts';
import { linesAfterEdit } from './edit-order.ts';
import type { OrderEvent } from './events.ts';
import { isFullyShipped, type OrderState } from './state.ts';
import { pricedTotals } from './totals.ts';

/** Events that cannot apply to the state leave it unchanged: history is fact and is never refused. */
export function evolveOrder(state: OrderState, event: OrderEvent): OrderState {
  if (event.type === 'OrderPlaced') {
    if (state.status !== 'none') return state;
    return {
      status: 'placed',
      ...event.data,
      totals: pricedTotals(event.data.totals),
      payment: {
        paymentRef: null,
        authorized: 0,
        captured: 0,
        refunded: 0,
        refundIds: [],
        extra: null,
        extraRefs: [],
      },
      shipments: [],
    };
  }
  if (state.status === 'none') return state;
  if (state.status === 'cancelled' && event.type !== 'RefundIssued') return state;
  const { payment } = state;
  switch (event.type) {
    case 'PaymentAuthorized':
      return {
        ...state,
        status: 'authorized',
        payment: { ...payment, paymentRef: event.data.paymentRef, authorized: event.data.amount.amount },
      };
    case 'PaymentCaptured':
      return {
        ...state,
        // A capture after shipment (capture-at-shipment) leaves the fulfilment status as it is.
        status:
          state.status === 'partially_shipped' || state.status === 'shipped' || state.status === 'delivered'
            ? state.status
            : 'paid',
        payment: {
          ...payment,
          paymentRef: event.data.paymentRef,
          captured: payment.captured + event.data.amount.amount,
        },
      };
    case 'PaymentFailed':
      return { ...state, status: 'payment_failed' };
    case 'PaymentAttemptStarted':
      // Awaiting payment again, by the new attempt.
      return { ...state, status: 'placed', payment: { ...payment, paymentRef: event.data.paymentRef } };
    case 'OrderCancelled': {
      const { reason, note } = event.data;
      return { ...state, status: 'cancelled', cancellation: { reason, note } };
    }
    case 'OrderLinesCancelled': {
      const { lines, amount } = event.data;
      return {
        ...state,
        lines: state.lines.map((line) => {
          const cancelled = lines.find((l) => l.lineId === line.lineId);
          return cancelled ? lineAfterCancel(line, cancelled) : line;
        }),
        totals: totalsAfterCancel(state.totals, state.lines, lines, amount),
      };
    }
    case 'OrderEdited': {
      const { added, raised, lowered, after, shippingAddress } = event.data;
      const owed = event.data.payment?.kind === 'extra_payment' ? event.data.payment.amount.amount : 0;
      return {
        ...state,
        payment: owed > 0 ? { ...payment, extra: { amount: owed, paymentRef: null } } : payment,
        lines: linesAfterEdit(state.lines, added, raised, lowered),
        totals: after,
        shippingAddress: shippingAddress ?? state.shippingAddress,
      };
    }
    case 'ExtraPaymentOpened':
      return payment.extra
        ? {
            ...state,
            payment: {
              ...payment,
              extra: { ...payment.extra, paymentRef: event.data.paymentRef },
              extraRefs: [...payment.extraRefs, event.data.paymentRef],
            },
          }
        : state;
    case 'ExtraPaymentCaptured': {
      const { amount } = event.data.amount;
      return {
        ...state,
        payment: {
          ...payment,
          authorized: payment.authorized + amount,
          captured: payment.captured + amount,
          extra: null,
        },
      };
    }
    case 'ShipmentCreated': {
      const { shipmentId, location, lines } = event.data;
      const shipment = {
        tracking: null,
        shipmentId,
        location,
        lines: lines.map(({ lineId, quantity }) => ({ lineId, quantity })),
      };
      const next = { ...state, shipments: [...state.shipments, shipment] };
      return { ...next, status: isFullyShipped(next) ? 'shipped' : 'partially_shipped' };
    }
    case 'ShipmentLabelBought':
      return state;
    case 'ShipmentTracked': {
      const { shipmentId, status } = event.data;
      return {
        ...state,
        shipments: state.shipments.map((s) => (s.shipmentId === shipmentId ? { ...s, tracking: status } : s)),
      };
    }
    case 'OrderDelivered':
      return { ...state, status: 'delivered' };
    case 'RefundIssued':
      return {
        ...state,
        payment: {
          ...payment,
          refunded: payment.refunded + event.data.amount.amount,
          refundIds: [...payment.refundIds, event.data.refundId],
        },
      };
    default:
      return assertNever(event);
  }
}
