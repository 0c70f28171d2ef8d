import { AlreadyExists, CurrencyMismatch } from '../errors.ts';
import { requireMoney, type Money } from '../money.ts';
import { requireIsoTime, requireKey, requireOneOf, requirePositiveInt, requireText } from '../validation.ts';
import type { CloseDispute, OpenDispute, WithdrawDisputeFunds } from './commands.ts';
import { disputeOutcomes, type OrderEvent } from './events.ts';
import { DisputeClosedAlready, DisputeExceedsCaptured, DisputeNotFound } from './errors.ts';
import { disputesOf, type Dispute, type ExistingOrder } from './state.ts';

/**
 * Chargebacks. The provider decides them, so the order records what it reports and refuses only
 * what cannot be about this order: a second opening of one dispute, more than was captured, a step
 * of a dispute it never opened or that already ended.
 */
export function openDispute({ data }: OpenDispute, order: ExistingOrder): OrderEvent[] {
  const { orderId, disputeId, paymentRef, reason, dueBy } = data;
  requireKey('disputeId', disputeId);
  requireText('paymentRef', paymentRef, 200);
  requireText('reason', reason, 100);
  if (dueBy !== null) requireIsoTime('dueBy', dueBy);
  const amount = disputedAmount(data.amount, order, disputeId);
  if (disputesOf(order).some((d) => d.disputeId === disputeId))
    throw new AlreadyExists({ aggregate: 'dispute', id: disputeId });
  return [{ type: 'DisputeOpened', data: { orderId, disputeId, paymentRef, amount, reason, dueBy } }];
}

export function withdrawDisputeFunds({ data }: WithdrawDisputeFunds, order: ExistingOrder): OrderEvent[] {
  const { orderId, disputeId } = data;
  const dispute = runningDispute(order, disputeId);
  const amount = disputedAmount(data.amount, order, disputeId);
  if (dispute.withdrawn > 0) throw new AlreadyExists({ aggregate: 'dispute withdrawal', id: disputeId });
  return [{ type: 'DisputeFundsWithdrawn', data: { orderId, disputeId, amount } }];
}

export function closeDispute({ data }: CloseDispute, order: ExistingOrder): OrderEvent[] {
  const { orderId, disputeId, outcome } = data;
  requireOneOf('outcome', outcome, disputeOutcomes);
  runningDispute(order, disputeId);
  const amount = disputedAmount(data.amount, order, disputeId);
  return [{ type: 'DisputeClosed', data: { orderId, disputeId, outcome, amount } }];
}

function runningDispute(order: ExistingOrder, disputeId: string): Dispute {
  requireKey('disputeId', disputeId);
  const dispute = disputesOf(order).find((d) => d.disputeId === disputeId);
  if (!dispute) throw new DisputeNotFound({ orderId: order.orderId, disputeId });
  if (dispute.status !== 'open')
    throw new DisputeClosedAlready({ orderId: order.orderId, disputeId, outcome: dispute.status });
  return dispute;
}

function disputedAmount(value: Money, order: ExistingOrder, disputeId: string): Money {
  const amount = requireMoney('amount', value);
  if (amount.currency !== order.currency)
    throw new CurrencyMismatch({ expected: order.currency, actual: amount.currency });
  requirePositiveInt('amount.amount', amount.amount);
  if (amount.amount > order.payment.captured) {
    throw new DisputeExceedsCaptured({
      disputeId,
      captured: order.payment.captured,
      requested: amount.amount,
      currency: order.currency,
    });
  }
  return { amount: amount.amount, currency: order.currency };
}
