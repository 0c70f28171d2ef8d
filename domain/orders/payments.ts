import { AlreadyExists, CurrencyMismatch } from '../errors.ts';
import {
  AmountMismatch,
  CaptureExceedsAuthorized,
  PaymentWindowClosed,
  RefundExceedsCaptured,
} from './errors.ts';
import { requireMoney, type Money } from '../money.ts';
import { epochMillis, requireIsoTime, requireKey, requirePositiveInt, requireText } from '../validation.ts';
import type {
  AuthorizePayment,
  CapturePayment,
  IssueRefund,
  RecordPaymentFailure,
  StartPaymentAttempt,
} from './commands.ts';
import type { OrderEvent } from './events.ts';
import { disputedFunds, type ExistingOrder } from './state.ts';

/**
 * A payment reference is the provider's id (a Stripe PaymentIntent) or, with the manual provider,
 * the admin's free text (`bank transfer 2026-11-21 #4711`): up to 200 characters, not blank.
 */
const requirePaymentRef = (paymentRef: string) => requireText('paymentRef', paymentRef, 200);

/** Authorizations are for the whole order: a different amount means the payment is for something else. */
export function authorizePayment({ data }: AuthorizePayment, order: ExistingOrder): OrderEvent[] {
  const { orderId, paymentRef } = data;
  requirePaymentRef(paymentRef);
  const amount = orderAmount('amount', data.amount, order.currency);
  if (amount.amount !== order.totals.total.amount) {
    throw new AmountMismatch({
      expected: order.totals.total.amount,
      actual: amount.amount,
      currency: order.currency,
    });
  }
  return [{ type: 'PaymentAuthorized', data: { orderId, paymentRef, amount } }];
}

/** Capturing less than authorized is allowed (the provider releases the rest), more never. */
export function capturePayment({ data }: CapturePayment, order: ExistingOrder): OrderEvent[] {
  const { orderId, paymentRef } = data;
  requirePaymentRef(paymentRef);
  const amount = orderAmount('amount', data.amount, order.currency);
  requirePositiveInt('amount.amount', amount.amount);
  // What may still be captured: the authorized amount once there is one, else the order total.
  const ceiling = order.payment.authorized > 0 ? order.payment.authorized : order.totals.total.amount;
  const limit = ceiling - order.payment.captured;
  if (amount.amount > limit) {
    throw new CaptureExceedsAuthorized({
      authorized: limit,
      requested: amount.amount,
      currency: order.currency,
    });
  }
  return [{ type: 'PaymentCaptured', data: { orderId, paymentRef, amount } }];
}

/**
 * A new attempt after a failure: for the order's total as it is now (a partial cancellation or an
 * edit may have changed it), and only while its stock is held.
 */
export function startPaymentAttempt({ data }: StartPaymentAttempt, order: ExistingOrder): OrderEvent[] {
  const { orderId, paymentRef, now } = data;
  requirePaymentRef(paymentRef);
  requireIsoTime('now', now);
  if (epochMillis(now) >= epochMillis(order.expiresAt))
    throw new PaymentWindowClosed({ orderId, expiresAt: order.expiresAt, now });
  const amount = orderAmount('amount', data.amount, order.currency);
  if (amount.amount !== order.totals.total.amount) {
    throw new AmountMismatch({
      expected: order.totals.total.amount,
      actual: amount.amount,
      currency: order.currency,
    });
  }
  return [{ type: 'PaymentAttemptStarted', data: { orderId, paymentRef, amount } }];
}

export function recordPaymentFailure({ data }: RecordPaymentFailure, _order: ExistingOrder): OrderEvent[] {
  const { orderId, paymentRef, reason } = data;
  if (paymentRef !== null) requirePaymentRef(paymentRef);
  requireText('reason', reason, 500);
  return [{ type: 'PaymentFailed', data: { orderId, paymentRef, reason } }];
}

export function issueRefund({ data }: IssueRefund, order: ExistingOrder): OrderEvent[] {
  const { orderId, refundId, reason } = data;
  requireKey('refundId', refundId);
  requireText('reason', reason, 500);
  const amount = orderAmount('amount', data.amount, order.currency);
  requirePositiveInt('amount.amount', amount.amount);
  if (order.payment.refundIds.includes(refundId))
    throw new AlreadyExists({ aggregate: 'refund', id: refundId });
  const { captured, refunded, refundsDue } = order.payment;
  // What a dispute took back went to the cardholder already: refunding it would pay them twice.
  const disputed = disputedFunds(order);
  const left = captured - refunded - disputed;
  // The refund an edit or a cancellation decided may take what is due; any other refund must
  // leave it, and none may take more than is due for its cause (a second refund of one change).
  const limit = data.cause ? Math.min(left, refundsDue) : left - refundsDue;
  if (amount.amount > limit) {
    throw new RefundExceedsCaptured({
      captured,
      alreadyRefunded: refunded,
      requested: amount.amount,
      currency: order.currency,
      ...(disputed > 0 ? { disputed } : {}),
      ...(refundsDue > 0 ? { refundsDue } : {}),
    });
  }
  const { taxDetail, total } = order.totals;
  const cause = data.cause ? { cause: { kind: data.cause.kind, revision: data.cause.revision } } : {};
  if (!taxDetail.known)
    return [{ type: 'RefundIssued', data: { orderId, refundId, amount, reason, ...cause } }];
  const taxReversed = {
    amount: proportion(amount.amount, taxDetail.total.amount, total.amount),
    currency: order.currency,
  };
  return [{ type: 'RefundIssued', data: { orderId, refundId, amount, reason, taxReversed, ...cause } }];
}

/** part × numerator / denominator, exact in BigInt, half away from zero; 0 over a zero denominator. */
function proportion(part: number, numerator: number, denominator: number): number {
  if (denominator === 0) return 0;
  const n = BigInt(part) * BigInt(numerator);
  const d = BigInt(denominator);
  const quotient = n / d;
  return Number((n % d) * 2n >= d ? quotient + 1n : quotient);
}

function orderAmount(field: string, value: Money, currency: string): Money {
  const amount = requireMoney(field, value);
  if (amount.currency !== currency)
    throw new CurrencyMismatch({ expected: currency, actual: amount.currency });
  return { amount: amount.amount, currency };
}
