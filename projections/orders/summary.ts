import { assertNever } from '../../domain/assert-never.ts';
import type { Money } from '../../domain/money.ts';
import type { OrderEvent } from '../../domain/orders/events.ts';

/** "12.50 EUR": minor units shown with the currency's own number of decimals. */
export function formatMoney({ amount, currency }: Money): string {
  const digits = minorDigits(currency);
  return `${(amount / 10 ** digits).toFixed(digits)} ${currency}`;
}

/** Building an Intl.NumberFormat costs microseconds, every timeline entry needs one: once per currency. */
const digitsByCurrency = new Map<string, number>();
function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** The timeline's one-line human account of an order event. */
export function summarize(event: OrderEvent): string {
  switch (event.type) {
    case 'OrderPlaced': {
      const items = event.data.lines.reduce((sum, line) => sum + line.quantity, 0);
      return `Order placed: ${items} item${items === 1 ? '' : 's'}, total ${formatMoney(event.data.totals.total)}`;
    }
    case 'PaymentAuthorized':
      return `Payment of ${formatMoney(event.data.amount)} authorized`;
    case 'PaymentCaptured':
      return `Payment of ${formatMoney(event.data.amount)} captured`;
    case 'PaymentFailed':
      return `Payment failed: ${event.data.reason}`;
    case 'PaymentAttemptStarted':
      return `Payment retried: a new attempt for ${formatMoney(event.data.amount)}`;
    case 'OrderCancelled':
      // Not the note: it is personal text, and the timeline is kept after erasure.
      return `Order cancelled (${event.data.reason.replace('_', ' ')})`;
    case 'OrderLinesCancelled': {
      const items = event.data.lines.reduce((sum, line) => sum + line.quantity, 0);
      const lines = event.data.lines.map((line) => line.lineId).join(', ');
      return `${items} item${items === 1 ? '' : 's'} cancelled (${lines}): ${formatMoney(event.data.amount)} off the total`;
    }
    case 'OrderEdited': {
      const { added, raised, lowered = [], before, after } = event.data;
      const count = (lines: readonly { lineId: string; quantity: number }[], verb: string) => {
        const items = lines.reduce((sum, line) => sum + line.quantity, 0);
        const ids = lines.map((line) => line.lineId).join(', ');
        return lines.length === 0 ? [] : [`${items} item${items === 1 ? '' : 's'} ${verb} (${ids})`];
      };
      const parts = [...count([...added, ...raised], 'added'), ...count(lowered, 'removed')];
      return `Order edited: ${parts.length === 0 ? 'shipping changed' : parts.join(', ')}, total ${formatMoney(before.total)} → ${formatMoney(after.total)}`;
    }
    case 'ExtraPaymentOpened':
      return `Extra payment of ${formatMoney(event.data.amount)} opened for the edit`;
    case 'ExtraPaymentCaptured':
      return `Extra payment of ${formatMoney(event.data.amount)} captured`;
    case 'ShipmentCreated': {
      const items = event.data.lines.reduce((sum, line) => sum + line.quantity, 0);
      return `Shipped ${items} item${items === 1 ? '' : 's'} from ${event.data.location} via ${event.data.carrier} (${event.data.trackingNumber})`;
    }
    case 'ShipmentLabelBought':
      return `Label bought for shipment ${event.data.shipmentId}: ${event.data.carrier} ${event.data.service} (${event.data.trackingNumber}), ${formatMoney(event.data.cost)}`;
    case 'ShipmentTracked':
      // Not the carrier's words: they may name who signed, and the timeline is kept after erasure.
      return `Shipment ${event.data.shipmentId} ${event.data.status.replaceAll('_', ' ')}`;
    case 'OrderDelivered':
      return 'Order delivered';
    case 'RefundIssued':
      return `Refund of ${formatMoney(event.data.amount)} issued: ${event.data.reason}`;
    case 'DisputeOpened': {
      const due = event.data.dueBy === null ? '' : `, evidence due ${event.data.dueBy.slice(0, 10)}`;
      return `Payment of ${formatMoney(event.data.amount)} disputed (${event.data.reason.replaceAll('_', ' ')})${due}`;
    }
    case 'LineExchanged': {
      const { returned, replacement, difference } = event.data;
      const units = `${returned.quantity} × ${returned.sku} (${returned.lineId}) exchanged for ${replacement.sku} (${replacement.lineId})`;
      if (difference.amount > 0) return `${units}: ${formatMoney(difference)} to pay`;
      if (difference.amount < 0)
        return `${units}: ${formatMoney({ ...difference, amount: -difference.amount })} to refund`;
      return `${units}: no difference`;
    }
    case 'ExchangeChargeCaptured':
      return `Exchange ${event.data.exchangeId}: payment of ${formatMoney(event.data.amount)} captured`;
    case 'ClaimOpened': {
      const { quantity, sku, lineId, reason } = event.data;
      return `Claim ${event.data.claimId}: ${quantity} × ${sku} (${lineId}) ${reason === 'wrong' ? 'wrong item' : reason}`;
    }
    case 'ClaimResolved':
      return event.data.resolution === 'replacement'
        ? `Claim ${event.data.claimId} resolved: replacement ${event.data.replacement.lineId} to ship`
        : `Claim ${event.data.claimId} resolved: ${formatMoney(event.data.amount)} refunded`;
    case 'DisputeFundsWithdrawn':
      return `Dispute ${event.data.disputeId}: ${formatMoney(event.data.amount)} withdrawn by the bank`;
    case 'DisputeClosed':
      return `Dispute ${event.data.disputeId} ${event.data.outcome}${event.data.outcome === 'won' ? ': funds returned' : ''}`;
    default:
      return assertNever(event);
  }
}
