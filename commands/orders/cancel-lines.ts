import { createHash } from 'node:crypto';
import { orderDecider, type OrderLinesCancelled } from '../../domain/orders/index.ts';
import { orderStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { loadOrder } from './load-order.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderResult } from './order-result.ts';
import { orderWithStock } from './order-with-stock.ts';

export interface CancelLinesInput {
  orderId: string;
  lines: { lineId: string; quantity: number }[];
}

/**
 * Cancels some units of an unshipped order: the order's `OrderLinesCancelled` and the release of
 * each reservation it names (backordered units first) are appended at once, so the units are
 * available again the moment the cancellation is. Then what was paid beyond the new total is
 * refunded through the provider, at most the cancelled units' value (see `refundCancelledUnits`).
 */
export async function cancelOrderLines(
  deps: OrderDeps,
  input: CancelLinesInput,
  context: CommandContext,
  expectedRevision?: number,
): Promise<OrderResult> {
  const result = await orderWithStock<OrderLinesCancelled>(
    deps,
    input.orderId,
    { type: 'CancelOrderLines', data: input },
    (cancelled) =>
      (cancelled?.data.releases ?? []).map((release) => ({
        type: 'ReleaseReservation',
        data: {
          sku: release.sku,
          location: release.location,
          orderId: input.orderId,
          quantity: release.quantity,
          reason: 'cancelled',
          now: context.now,
        },
      })),
    context,
    expectedRevision,
  );
  const cancelled = result.events.find((event) => event.type === 'OrderLinesCancelled') as
    OrderLinesCancelled | undefined;
  if (!cancelled || result.revision === null) return result;
  const refunded = await refundCancelledUnits(deps, cancelled, result.revision, context);
  if (!refunded.position) return result;
  return {
    events: [...result.events, ...refunded.events],
    revision: refunded.revision,
    position: refunded.position,
  };
}

/**
 * Refunds what was captured beyond the order's new total, never more than the cancelled units'
 * value (a partly paid order keeps its money for what is left). The provider's idempotency key is
 * derived from the cancellation (the order's revision that recorded it), so a retried request
 * never refunds twice; a retry after the refund was recorded finds nothing beyond the total.
 */
async function refundCancelledUnits(
  deps: OrderDeps,
  cancelled: OrderLinesCancelled,
  revision: number,
  context: CommandContext,
): Promise<OrderResult> {
  const nothing: OrderResult = { events: [], revision: null, position: null };
  const { orderId } = cancelled.data;
  const { state } = await loadOrder(deps, orderId);
  if (state.status === 'none') return nothing;
  const beyondTotal = state.payment.captured - state.payment.refunded - state.totals.total.amount;
  const amount = Math.min(cancelled.data.amount.amount, beyondTotal);
  if (amount <= 0) return nothing;
  const key = `cancel-${createHash('sha256').update(`${orderId}\n${revision}`).digest('hex').slice(0, 32)}`;
  const reason = `units cancelled (${cancelled.data.lines.map((line) => line.lineId).join(', ')})`;
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
      data: { orderId, refundId: issued.refundId, amount: { amount, currency: state.currency }, reason },
    },
    context,
  );
  return { events: outcome.events, revision: outcome.revision, position: outcome.position };
}
