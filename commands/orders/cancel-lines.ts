import { createHash } from 'node:crypto';
import type { OrderLinesCancelled } from '../../domain/orders/index.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderResult } from './order-result.ts';
import { orderWithStock } from './order-with-stock.ts';
import { issueDueRefund } from './refund-due.ts';

export interface CancelLinesInput {
  orderId: string;
  lines: { lineId: string; quantity: number }[];
}

/**
 * Cancels some units of an unshipped order: the order's `OrderLinesCancelled` and the release of
 * each reservation it names (backordered units first) are appended at once, so the units are
 * available again the moment the cancellation is. Then the refund the cancellation decided (what
 * was paid beyond the new total, at most the cancelled units' value) is issued through the provider.
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
  // A resumed request whose first run got as far as the refund: it answers that run.
  if (result.events.some((event) => event.type === 'RefundIssued')) return result;
  const refunded = await refundCancelledUnits(deps, cancelled, result.revision, context);
  if (!refunded.position) return result;
  return {
    events: [...result.events, ...refunded.events],
    revision: refunded.revision,
    position: refunded.position,
  };
}

/** The refund the cancellation decided, keyed by the order's revision that recorded it (see `issueDueRefund`). */
async function refundCancelledUnits(
  deps: OrderDeps,
  cancelled: OrderLinesCancelled,
  revision: number,
  context: CommandContext,
): Promise<OrderResult> {
  const { orderId, refund } = cancelled.data;
  if (!refund) return { events: [], revision: null, position: null };
  const key = `cancel-${createHash('sha256').update(`${orderId}\n${revision}`).digest('hex').slice(0, 32)}`;
  const reason = `units cancelled (${cancelled.data.lines.map((line) => line.lineId).join(', ')})`;
  const cause = { kind: 'cancel' as const, revision };
  return issueDueRefund(deps, { orderId, amount: refund.amount, key, reason, cause }, context);
}
