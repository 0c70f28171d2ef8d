import { money, type Money } from '../money.ts';
import type { CaptureExtraPayment, OpenExtraPayment } from './commands.ts';
import { AmountMismatch, NoExtraPaymentOwed } from './errors.ts';
import type { EditPayment, OrderEvent } from './events.ts';
import type { ExistingOrder } from './state.ts';
import { requireText } from '../validation.ts';

/**
 * What an edit to `newTotal` does to the order's money (see `EditPayment`). Only an authorized or
 * paid order has money to move: before that (placed with the manual provider, or after a failed
 * payment) the next payment is for the new total. What counts as paid is the authorization while
 * nothing is captured, else what was captured less what was refunded and what earlier changes left
 * due to refund (an edit raising the order while an earlier edit's refund is on its way owes the
 * difference, rather than keeping money that refund is about to give back), so a refund is never
 * more than captured minus refunded.
 */
export function editPayment(order: ExistingOrder, newTotal: Money): EditPayment {
  const { authorized, captured, refunded, refundsDue } = order.payment;
  const none: EditPayment = { kind: 'none', amount: money(0, order.currency) };
  if (order.status !== 'authorized' && order.status !== 'paid') return none;
  const paid = captured > 0 ? captured - refunded - refundsDue : authorized;
  const difference = newTotal.amount - paid;
  if (difference > 0) return { kind: 'extra_payment', amount: money(difference, order.currency) };
  if (difference === 0) return none;
  return {
    kind: captured > 0 ? 'refund' : 'release',
    amount: money(-difference, order.currency),
  };
}

function owedExtra(order: ExistingOrder, data: { paymentRef: string; amount: Money }) {
  requireText('paymentRef', data.paymentRef, 200);
  const extra = order.payment.extra;
  if (!extra) throw new NoExtraPaymentOwed({ orderId: order.orderId, paymentRef: data.paymentRef });
  if (data.amount.currency !== order.currency || data.amount.amount !== extra.amount)
    throw new AmountMismatch({
      expected: extra.amount,
      actual: data.amount.amount,
      currency: order.currency,
    });
  return extra;
}

/** The provider's payment for the owed difference, opened once. */
export function openExtraPayment({ data }: OpenExtraPayment, order: ExistingOrder): OrderEvent[] {
  const extra = owedExtra(order, data);
  // Opened already under this id: a retry after a crash records nothing twice.
  if (extra.paymentRef === data.paymentRef) return [];
  if (extra.paymentRef !== null)
    throw new NoExtraPaymentOwed({ orderId: order.orderId, paymentRef: data.paymentRef });
  return [{ type: 'ExtraPaymentOpened', data: { ...data, amount: money(extra.amount, order.currency) } }];
}

/**
 * The owed difference paid: by the payment opened for it (a webhook names it), or, where nothing
 * was opened online (the manual provider), by whatever reference the admin recorded.
 */
export function captureExtraPayment({ data }: CaptureExtraPayment, order: ExistingOrder): OrderEvent[] {
  const extra = owedExtra(order, data);
  if (extra.paymentRef !== null && extra.paymentRef !== data.paymentRef && order.paymentProvider !== 'manual')
    throw new NoExtraPaymentOwed({ orderId: order.orderId, paymentRef: data.paymentRef });
  return [{ type: 'ExtraPaymentCaptured', data: { ...data, amount: money(extra.amount, order.currency) } }];
}
