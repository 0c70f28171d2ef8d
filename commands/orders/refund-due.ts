import { disputedFunds, orderDecider, type RefundCause } from '../../domain/orders/index.ts';
import { orderStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { loadOrder } from './load-order.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderResult } from './order-result.ts';

const nothing: OrderResult = { events: [], revision: null, position: null };

/**
 * Issues the refund a change decided and left due (an edit's `payment` of kind `refund`, a
 * cancellation's `refund`): `amount` as that change recorded it, never recomputed from the order as
 * it stands now. A change recorded meanwhile (an edit raising the order again, another
 * cancellation) decided on this money as already gone, so recomputing it here would refund it a
 * second time. `key` is the provider's idempotency key, derived from the change (the order's
 * revision that recorded it), so a retried request never refunds twice; a retry after the refund
 * was recorded finds it recorded under its cause and does nothing.
 */
export async function issueDueRefund(
  deps: OrderDeps,
  input: { orderId: string; amount: number; key: string; reason: string; cause: RefundCause },
  context: CommandContext,
): Promise<OrderResult> {
  const { orderId, key, reason, cause } = input;
  const { state } = await loadOrder(deps, orderId);
  if (state.status === 'none' || (await issuedFor(deps, orderId, cause))) return nothing;
  const { captured, refunded, refundsDue } = state.payment;
  const amount = Math.min(input.amount, refundsDue, captured - refunded - disputedFunds(state));
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
        cause,
      },
    },
    context,
  );
  return { events: outcome.events, revision: outcome.revision, position: outcome.position };
}

/** Whether the refund of the change at `cause.revision` is recorded (it can only come after it). */
async function issuedFor(deps: OrderDeps, orderId: string, cause: RefundCause): Promise<boolean> {
  const after = await deps.runtime.store.readStream(orderStream(orderId), {
    fromRevision: cause.revision + 1,
  });
  return after.some((event) => {
    if (event.type !== 'RefundIssued') return false;
    const recorded = (event.data as { cause?: RefundCause }).cause;
    return recorded?.kind === cause.kind && recorded.revision === cause.revision;
  });
}
