import { isDomainError } from '../../domain/errors.ts';
import { disputesOf, orderDecider, type OrderCommand } from '../../domain/orders/index.ts';
import { orderStream } from '../../domain/streams.ts';
import type { DisputeNotification } from '../../ports/payments.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { loadOrder } from './load-order.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderResult } from './order-result.ts';

const nothing: OrderResult = { events: [], revision: null, position: null };

/**
 * Records a chargeback's news on its order. The dispute names only the payment, so the provider
 * says whose it is. Providers deliver at least once and out of order: a step for a dispute the
 * order has not seen yet opens it first in the same append (every notification carries the whole
 * dispute), and a step the order is already past is acknowledged and ignored.
 */
export async function applyDisputeNotification(
  deps: OrderDeps,
  notification: DisputeNotification,
  context: CommandContext,
): Promise<OrderResult> {
  const orderId = await deps.payments.orderOfPayment(notification.paymentId);
  if (orderId === null) return nothing; // not a payment Quartermaster opened
  const { state } = await loadOrder(deps, orderId);
  if (state.status === 'none') return nothing;
  const { disputeId } = notification;
  const amount = { amount: notification.amount, currency: notification.currency };
  const known = disputesOf(state).find((d) => d.disputeId === disputeId);
  const commands: OrderCommand[] = [];
  if (!known) {
    const { paymentId: paymentRef, reason, dueBy } = notification;
    commands.push({ type: 'OpenDispute', data: { orderId, disputeId, paymentRef, amount, reason, dueBy } });
  }
  const running = !known || known.status === 'open';
  if (notification.kind === 'dispute_funds_withdrawn' && running && !(known && known.withdrawn > 0)) {
    commands.push({ type: 'WithdrawDisputeFunds', data: { orderId, disputeId, amount } });
  }
  if (notification.kind === 'dispute_closed' && running) {
    const outcome = notification.outcome ?? 'lost';
    commands.push({ type: 'CloseDispute', data: { orderId, disputeId, outcome, amount } });
  }
  if (commands.length === 0) return nothing;
  try {
    const outcome = await handleCommand(deps.runtime, orderDecider, orderStream(orderId), commands, context);
    return { events: outcome.events, revision: outcome.revision, position: outcome.position };
  } catch (error) {
    // A concurrent delivery of the same news got there first, or the order took no payment to dispute.
    if (isDomainError(error) && error.kind !== 'invalid') return nothing;
    throw error;
  }
}
