import { createHash } from 'node:crypto';
import type { Money } from '../../domain/money.ts';
import { orderDecider, type IssueRefund } from '../../domain/orders/index.ts';
import { orderStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { earlierRun, requestMark } from '../runtime/request-events.ts';
import { loadOrder } from './load-order.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderResult } from './order-result.ts';

/**
 * Refunds part or all of what was captured. The decider checks the amount before the provider is
 * asked (so a refused refund touches no money), the provider refunds with an idempotency key, and
 * the refund is recorded under the provider's refund id, which is how its webhook is recognised.
 */
export async function refundOrder(
  deps: OrderDeps,
  input: { orderId: string; amount: Money; reason: string },
  context: CommandContext,
  expectedRevision?: number,
): Promise<OrderResult> {
  const stream = orderStream(input.orderId);
  // Before the provider is asked again: a resumed request whose first run recorded its refund.
  const earlier = await earlierRun(deps.runtime.store, stream, context);
  if (earlier) return earlier;
  const { state } = await loadOrder(deps, input.orderId);
  const requestId = deps.runtime.ids.newId();
  const command = (refundId: string): IssueRefund => ({ type: 'IssueRefund', data: { ...input, refundId } });
  orderDecider.decide(command(requestId), state); // throws when the refund is not allowed
  const paymentRef = state.status === 'none' ? null : state.payment.paymentRef;
  const issued = paymentRef
    ? await deps.payments.refund({
        paymentId: paymentRef,
        orderId: input.orderId,
        amount: input.amount.amount,
        reason: input.reason,
        idempotencyKey: providerKey(input, context) ?? `refund-${requestId}`,
      })
    : { refundId: requestId };
  const outcome = await handleCommand(
    deps.runtime,
    orderDecider,
    stream,
    command(issued.refundId),
    context,
    expectedRevision === undefined ? {} : { expectedRevision },
  );
  return { events: outcome.events, revision: outcome.revision, position: outcome.position };
}

/**
 * The provider's idempotency key for a refund asked by a keyed request: the same for every retry of
 * that request, so a crash between the provider's refund and our append cannot refund twice (the
 * provider answers the retry with the refund it already made). Hashed: client keys may be long,
 * and Stripe takes at most 255 characters.
 */
function providerKey(input: { orderId: string; amount: Money }, context: CommandContext): string | null {
  const mark = requestMark(context);
  if (!mark) return null;
  const digest = createHash('sha256')
    .update(`${mark.actorId}\n${mark.key}\n${input.orderId}\n${input.amount.amount}`)
    .digest('hex')
    .slice(0, 40);
  return `refund-${digest}`;
}
