import { releaseReasonFor, type CancellationReason, type OrderCancelled } from '../../domain/orders/index.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderResult } from './order-result.ts';
import { orderWithStock } from './order-with-stock.ts';

/**
 * Cancels an order before shipment and releases every reservation it holds, in one atomic append.
 * The order decider lists the releases, so the stock streams need nothing but its event.
 */
export function cancelOrder(
  deps: OrderDeps,
  input: { orderId: string; reason: CancellationReason; note: string | null },
  context: CommandContext,
  expectedRevision?: number,
): Promise<OrderResult> {
  return orderWithStock<OrderCancelled>(
    deps,
    input.orderId,
    { type: 'CancelOrder', data: { ...input, now: context.now } },
    (cancelled) =>
      (cancelled?.data.releases ?? []).map((release) => ({
        type: 'ReleaseReservation',
        data: {
          sku: release.sku,
          location: release.location,
          orderId: input.orderId,
          quantity: release.quantity,
          reason: releaseReasonFor(input.reason),
          now: context.now,
        },
      })),
    context,
    expectedRevision,
  );
}
