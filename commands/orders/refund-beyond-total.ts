import { orderDecider, type RefundCause } from '../../domain/orders/index.ts';
import { orderStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { loadOrder } from './load-order.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderResult } from './order-result.ts';

/**
 * Refunds what was captured beyond the order's total now, never more than `cap` (the value a
 * change took off: a partly paid order keeps its money for what is left), so never more than
 * captured minus refunded. `key` is the provider's idempotency key, derived from the change (the
 * order's revision that recorded it), so a retried request never refunds twice; a retry after the
 * refund was recorded finds nothing beyond the total.
 */
export async function refundBeyondTotal(
  deps: OrderDeps,
  input: { orderId: string; cap: number; key: string; reason: string; cause?: RefundCause },
  context: CommandContext,
): Promise<OrderResult> {
  const nothing: OrderResult = { events: [], revision: null, position: null };
  const { orderId, key, reason } = input;
  const { state } = await loadOrder(deps, orderId);
  if (state.status === 'none') return nothing;
  const beyondTotal = state.payment.captured - state.payment.refunded - state.totals.total.amount;
  const amount = Math.min(input.cap, beyondTotal);
  if (amount <= 0) return nothing;
  const issued = state.payment.paymentRef
    ? await deps.payments.refund({
        paymentId: state.payment.paymentRef,
        orderId,
        amount,
        reason,
        idempotencyKey: key,
      })
    : { refundId: key };
  const outcome = await handleCommand(
    deps.runtime,
    orderDecider,
    orderStream(orderId),
    {
      type: 'IssueRefund',
      data: {
        orderId,
        refundId: issued.refundId,
        amount: { amount, currency: state.currency },
        reason,
        ...(input.cause ? { cause: input.cause } : {}),
      },
    },
    context,
  );
  return { events: outcome.events, revision: outcome.revision, position: outcome.position };
}
