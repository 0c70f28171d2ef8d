import { assertNever } from '../assert-never.ts';
import { lineAfterCancel, totalsAfterCancel } from './cancel-lines.ts';
import { linesAfterEdit } from './edit-order.ts';
import type { OrderEvent } from './events.ts';
import { totalsAfterExchange } from './exchanges.ts';
import { claimsOf, disputesOf, exchangesOf, isFullyShipped, type Dispute, type OrderState } from './state.ts';
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
        refundsDue: 0,
        extra: null,
        extraRefs: [],
      },
      shipments: [],
    };
  }
  if (state.status === 'none') return state;
  // Money keeps moving after a cancellation: refunds, and disputes of what was captured.
  if (state.status === 'cancelled' && !afterCancellation.has(event.type)) return state;
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
      const { lines, amount, refund } = event.data;
      return {
        ...state,
        payment: refund ? { ...payment, refundsDue: payment.refundsDue + refund.amount } : payment,
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
      const due = event.data.payment?.kind === 'refund' ? event.data.payment.amount.amount : 0;
      return {
        ...state,
        payment: {
          ...payment,
          ...(owed > 0 ? { extra: { amount: owed, paymentRef: null } } : {}),
          refundsDue: payment.refundsDue + due,
        },
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
          // The refund an edit or a cancellation decided is no longer due once issued.
          refundsDue: event.data.cause
            ? Math.max(0, payment.refundsDue - event.data.amount.amount)
            : payment.refundsDue,
        },
      };
    case 'DisputeOpened': {
      const { disputeId, amount } = event.data;
      if (disputesOf(state).some((d) => d.disputeId === disputeId)) return state;
      const dispute: Dispute = { disputeId, amount: amount.amount, withdrawn: 0, status: 'open' };
      return { ...state, disputes: [...disputesOf(state), dispute] };
    }
    case 'DisputeFundsWithdrawn':
      return withDispute(state, event.data.disputeId, (d) => ({ ...d, withdrawn: event.data.amount.amount }));
    case 'DisputeClosed':
      return withDispute(state, event.data.disputeId, (d) => ({ ...d, status: event.data.outcome }));
    case 'LineExchanged': {
      const { exchangeId, returned, replacement, charge } = event.data;
      if (exchangesOf(state).some((e) => e.exchangeId === exchangeId)) return state;
      const exchange = {
        exchangeId,
        lineId: returned.lineId,
        quantity: returned.quantity,
        replacementLineId: replacement.lineId,
        charge: charge && { paymentRef: charge.paymentRef, amount: charge.amount.amount, captured: false },
      };
      return {
        ...state,
        // The replacement waits to be shipped like any unshipped line.
        status: 'partially_shipped',
        lines: [...state.lines, replacement],
        totals: totalsAfterExchange(state, event.data),
        exchanges: [...exchangesOf(state), exchange],
      };
    }
    case 'ExchangeChargeCaptured': {
      const { exchangeId, amount } = event.data;
      return {
        ...state,
        payment: { ...payment, captured: payment.captured + amount.amount },
        exchanges: exchangesOf(state).map((e) =>
          e.exchangeId === exchangeId && e.charge ? { ...e, charge: { ...e.charge, captured: true } } : e,
        ),
      };
    }
    case 'ClaimOpened': {
      const { claimId, lineId, quantity, reason } = event.data;
      if (claimsOf(state).some((c) => c.claimId === claimId)) return state;
      return {
        ...state,
        claims: [...claimsOf(state), { claimId, lineId, quantity, reason, status: 'open' }],
      };
    }
    case 'ClaimResolved': {
      const { data } = event;
      const claims = claimsOf(state).map((c) =>
        c.claimId === data.claimId
          ? {
              ...c,
              status: data.resolution === 'replacement' ? ('replaced' as const) : ('refunded' as const),
            }
          : c,
      );
      if (data.resolution === 'refund') return { ...state, claims };
      // The replacement waits to be shipped like any unshipped line; it costs the customer nothing.
      return { ...state, status: 'partially_shipped', lines: [...state.lines, data.replacement], claims };
    }
    default:
      return assertNever(event);
  }
}

const afterCancellation = new Set<OrderEvent['type']>([
  'RefundIssued',
  'DisputeOpened',
  'DisputeFundsWithdrawn',
  'DisputeClosed',
]);

function withDispute(state: OrderState, disputeId: string, change: (d: Dispute) => Dispute): OrderState {
  if (state.status === 'none') return state;
  return {
    ...state,
    disputes: disputesOf(state).map((d) => (d.disputeId === disputeId ? change(d) : d)),
  };
}
