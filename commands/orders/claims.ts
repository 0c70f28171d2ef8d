import {
  claimRefund,
  claimsOf,
  orderDecider,
  type ClaimReason,
  type OrderState,
  type ResolveClaim,
} from '../../domain/orders/index.ts';
import { OrderNotFound } from '../../domain/orders/errors.ts';
import { orderStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { runCommand } from '../runtime/run-command.ts';
import { asStepDecider } from '../runtime/steps.ts';
import { loadOrder } from './load-order.ts';
import type { OrderDeps } from './order-deps.ts';
import { orderResult, type OrderResult } from './order-result.ts';
import { nextReplacementId, replacementReservations } from './replacement-stock.ts';

/** A claim on shipped units (damaged, missing, wrong): the customer for their own order, or staff. */
export async function openClaim(
  deps: OrderDeps,
  input: { orderId: string; claimId: string; lineId: string; quantity: number; reason: ClaimReason },
  context: CommandContext,
): Promise<OrderResult> {
  const outcome = await handleCommand(
    deps.runtime,
    orderDecider,
    orderStream(input.orderId),
    { type: 'OpenClaim', data: input },
    context,
  );
  return { events: outcome.events, revision: outcome.revision, position: outcome.position };
}

/**
 * Staff resolve a claim without a return. `replacement`: the same SKU again at no charge, a new
 * line reserved in the same atomic append as `ClaimResolved` (a shortage refuses with 409 and
 * appends nothing). `refund`: the claimed units' share of their line, decided first (a refusal
 * touches no money), refunded through the provider (key `claim-{orderId}-{claimId}`, so a retry
 * cannot refund twice) and recorded with the order's `RefundIssued` in the same append.
 */
export async function resolveClaim(
  deps: OrderDeps,
  input: { orderId: string; claimId: string; resolution: 'replacement' | 'refund' },
  context: CommandContext,
): Promise<OrderResult> {
  const stream = orderStream(input.orderId);
  const { state } = await loadOrder(deps, input.orderId);
  if (state.status === 'none') throw new OrderNotFound(input.orderId);
  const { orderId, claimId } = input;
  if (input.resolution === 'refund') {
    const command = (refundId: string): ResolveClaim => ({
      type: 'ResolveClaim',
      data: { orderId, claimId, resolution: 'refund', refundId },
    });
    orderDecider.decide(command(`claim-${claimId}`), state); // throws when it is not allowed
    const paymentRef = state.payment.paymentRef;
    const amount = claimRefund(state, claimId);
    const issued = paymentRef
      ? await deps.payments.refund({
          paymentId: paymentRef,
          orderId,
          amount: amount.amount,
          reason: `claim ${claimId}`,
          idempotencyKey: `claim-${orderId}-${claimId}`,
        })
      : { refundId: `claim-${claimId}` };
    const outcome = await handleCommand(
      deps.runtime,
      orderDecider,
      stream,
      command(issued.refundId),
      context,
    );
    return { events: outcome.events, revision: outcome.revision, position: outcome.position };
  }
  const claim = claimsOf(state).find((c) => c.claimId === claimId);
  const sku = state.lines.find((l) => l.lineId === claim?.lineId)?.sku;
  const outcome = await runCommand(
    deps.runtime,
    {
      keys: [stream],
      // The replacement contends with placements for the SKU's stock.
      contention: 'hot',
      plan: async (load) => {
        const order = await load<OrderState>(stream, asStepDecider(orderDecider));
        if (order.status === 'none') throw new OrderNotFound(orderId);
        const lineId = nextReplacementId(order);
        const command = (allocations: { location: string; quantity: number }[]): ResolveClaim => ({
          type: 'ResolveClaim',
          data: { orderId, claimId, resolution: 'replacement', lineId, allocations },
        });
        // Decided before allocating: an unknown or resolved claim is refused as such, not as a shortage.
        const open = claimsOf(order).find((c) => c.claimId === claimId && c.status === 'open');
        if (!open || !sku) return [{ stream, decider: asStepDecider(orderDecider), command: command([]) }];
        const { allocations, reservations } = await replacementReservations(
          deps,
          load,
          { orderId, lineId, sku, quantity: open.quantity, expiresAt: order.expiresAt },
          context,
        );
        return [
          ...reservations,
          { stream, decider: asStepDecider(orderDecider), command: command(allocations) },
        ];
      },
    },
    context,
  );
  return orderResult(outcome, stream);
}
