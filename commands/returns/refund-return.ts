import { createHash } from 'node:crypto';
import { orderDecider, type OrderState } from '../../domain/orders/index.ts';
import { refundDue, returnDecider, type ReturnState } from '../../domain/returns/index.ts';
import { orderStream, returnStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import { runCommand } from '../runtime/run-command.ts';
import { asStepDecider } from '../runtime/steps.ts';
import { loadOrder } from '../orders/load-order.ts';
import type { OrderDeps } from '../orders/order-deps.ts';
import type { OrderResult } from '../orders/order-result.ts';

export type RefundBasis = { receiptId: string } | 'authorization';

const nothing: OrderResult = { events: [], revision: null, position: null };

/** The actor automatic refunds run as; the person whose step set them off is kept in `requestedBy`. */
export function refundActorContext(cause: CommandContext): CommandContext {
  return {
    actor: { id: 'returns-refunds', role: 'system' },
    correlationId: cause.correlationId,
    causationId: cause.correlationId,
    now: cause.now,
    extra: { requestedBy: cause.actor.id },
  };
}

/**
 * The provider's idempotency key: one per return and receipt (or authorization), whoever retries.
 * Hashed to a short key: the manual provider's refund id embeds it, and refund ids are keys of at
 * most 64 characters.
 */
export const refundKeyOf = (returnId: string, basis: RefundBasis): string =>
  `return-${createHash('sha256')
    .update(`${returnId}\n${basis === 'authorization' ? 'authorization' : `receipt\n${basis.receiptId}`}`)
    .digest('hex')
    .slice(0, 32)}`;

/**
 * Refunds what a return owes for one receipt (or for all its lines at authorization) through the
 * payment provider, then records it on the order (`RefundIssued`, where captured and refunded are
 * kept) and on the return (`ReturnRefunded`) in one append. The amount is what is due, cut to what
 * the order has left to refund (captured less refunded), so the two never disagree. Safe to run
 * again: a refund already recorded under its key answers nothing, and the provider answers a
 * retried key with the refund it made.
 */
export async function refundReturn(
  deps: OrderDeps,
  returnId: string,
  basis: RefundBasis,
  cause: CommandContext,
): Promise<OrderResult> {
  const context = refundActorContext(cause);
  const refundKey = refundKeyOf(returnId, basis);
  const loaded = await loadAggregate(
    deps.runtime.store,
    returnDecider,
    returnStream(returnId),
    deps.runtime.cache,
    false,
    deps.runtime.upcasters,
  );
  const ret = loaded.state;
  if (ret.status === 'none' || ret.refunds.some((r) => r.refundKey === refundKey)) return nothing;
  const due = refundDue(ret, basis).total;
  const { state: order } = await loadOrder(deps, ret.orderId);
  if (order.status === 'none') return nothing;
  // Refunds an edit or a cancellation left due are spoken for (see `PaymentState.refundsDue`).
  const left = order.payment.captured - order.payment.refunded - order.payment.refundsDue;
  const amount = Math.min(due, left);
  if (amount <= 0) return nothing;
  const reason = `return ${ret.rmaNumber ?? returnId}`;
  const issued = order.payment.paymentRef
    ? await deps.payments.refund({
        paymentId: order.payment.paymentRef,
        orderId: ret.orderId,
        amount,
        reason,
        idempotencyKey: refundKey,
      })
    : { refundId: refundKey };
  const orderId = ret.orderId;
  const outcome = await runCommand(
    deps.runtime,
    {
      keys: [orderStream(orderId)],
      contention: 'normal',
      plan: async (load) => {
        // Decided on fresh state: a refund that raced past this one and left less than `amount` is refused here.
        await load<OrderState>(orderStream(orderId), asStepDecider(orderDecider));
        await load<ReturnState>(returnStream(returnId), asStepDecider(returnDecider));
        return [
          {
            stream: orderStream(orderId),
            decider: asStepDecider(orderDecider),
            command: {
              type: 'IssueRefund',
              data: {
                orderId,
                refundId: issued.refundId,
                amount: { amount, currency: ret.currency },
                reason,
              },
            },
          },
          {
            stream: returnStream(returnId),
            decider: asStepDecider(returnDecider),
            command: {
              type: 'RecordReturnRefund',
              data: { returnId, basis, refundKey, refundId: issued.refundId, amount, capped: amount < due },
            },
          },
        ];
      },
    },
    context,
  );
  return {
    events: outcome.events.get(returnStream(returnId)) ?? [],
    revision: outcome.revisions.get(returnStream(returnId)) ?? null,
    position: outcome.position,
  };
}
