import { OrderNotFound } from '../../domain/orders/errors.ts';
import { orderDecider, type StartPaymentAttempt } from '../../domain/orders/index.ts';
import { orderStream } from '../../domain/streams.ts';
import type { RecordedEvent } from '../../ports/event-store.ts';
import type { CreatedPayment } from '../../ports/payments.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { earlierRun } from '../runtime/request-events.ts';
import { loadOrder } from './load-order.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderResult } from './order-result.ts';

export type RetriedPayment = OrderResult & { payment: CreatedPayment };

/**
 * The customer pays again after a failed payment: the failed attempt is released at the provider
 * (so it cannot be paid as well), a new one is opened for the order's total as it is now, and
 * `PaymentAttemptStarted` records it; the provider's webhook then authorizes the order as for the
 * first attempt. Refused (before the provider is asked) unless the last payment failed, and once
 * the reservations expired (`payment_window_closed`).
 *
 * The provider's idempotency key names the failure it answers (`order-{id}-attempt-{n}` after the
 * n-th `PaymentFailed`), so a resumed request answers the same attempt, with its client secret.
 */
export async function retryPayment(
  deps: OrderDeps,
  input: { orderId: string },
  context: CommandContext,
): Promise<RetriedPayment> {
  const { orderId } = input;
  const stream = orderStream(orderId);
  const history = await deps.runtime.store.readStream(stream);
  const earlier = await earlierRun(deps.runtime.store, stream, context);
  if (earlier) {
    const attempt = earlier.events.find((e) => e.type === 'PaymentAttemptStarted') as
      StartedEvent | undefined;
    if (attempt) {
      const before = history.filter((e) => e.revision < earlier.revision);
      const payment = await open(deps, before, attempt.data.amount.amount, attempt.data.amount.currency);
      return { events: earlier.events, revision: earlier.revision, position: earlier.position, payment };
    }
  }
  const { state } = await loadOrder(deps, orderId);
  if (state.status === 'none') throw new OrderNotFound(orderId);
  const command = (paymentRef: string): StartPaymentAttempt => ({
    type: 'StartPaymentAttempt',
    data: { orderId, paymentRef, amount: state.totals.total, now: context.now },
  });
  // Decided once on what the store holds, so that nothing is opened at the provider for a refusal.
  orderDecider.decide(command('pending'), state);
  const failed = lastFailedRef(history);
  if (failed) await deps.payments.cancel({ paymentId: failed, idempotencyKey: `release-${failed}` });
  const payment = await open(deps, history, state.totals.total.amount, state.currency);
  const outcome = await handleCommand(
    deps.runtime,
    orderDecider,
    stream,
    command(payment.paymentId),
    context,
  );
  return { events: outcome.events, revision: outcome.revision, position: outcome.position, payment };
}

type StartedEvent = { type: 'PaymentAttemptStarted'; data: { amount: { amount: number; currency: string } } };

function open(deps: OrderDeps, history: readonly RecordedEvent[], amount: number, currency: string) {
  const failures = history.filter((e) => e.type === 'PaymentFailed').length;
  const customerId = history.find((e) => e.type === 'OrderPlaced')?.data.customerId;
  return deps.payments.createPayment({
    orderId: history[0]?.data.orderId as string,
    customerId: typeof customerId === 'string' ? customerId : '',
    amount,
    currency,
    captureMethod: deps.settings.captureAt === 'authorization' ? 'automatic' : 'manual',
    idempotencyKey: `order-${history[0]?.data.orderId as string}-attempt-${failures}`,
  });
}

/** The provider's id of the attempt that failed last (the placement's, or a retry's). */
function lastFailedRef(history: readonly RecordedEvent[]): string | null {
  const failure = history.findLast((e) => e.type === 'PaymentFailed');
  const ref = failure?.data.paymentRef;
  return typeof ref === 'string' ? ref : null;
}
