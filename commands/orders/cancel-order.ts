import { releaseReasonFor, type CancellationReason, type OrderCancelled } from '../../domain/orders/index.ts';
import { pricedTotals } from '../../domain/orders/totals.ts';
import { releaseRedemptions } from '../promotions/release-redemptions.ts';
import { releaseExtraPayment } from './edit-payment.ts';
import { loadOrder } from './load-order.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderResult } from './order-result.ts';
import { orderWithStock } from './order-with-stock.ts';

/**
 * Cancels an order before shipment and releases every reservation it holds, in one atomic append.
 * The order decider lists the releases, so the stock streams need nothing but its event.
 */
export async function cancelOrder(
  deps: OrderDeps,
  input: { orderId: string; reason: CancellationReason; note: string | null },
  context: CommandContext,
  expectedRevision?: number,
): Promise<OrderResult> {
  const result = await cancelWithStock(deps, input, context, expectedRevision);
  await releaseOrderRedemptions(deps, input.orderId, input.reason, context);
  await releaseExtraPayment(deps, input.orderId);
  return result;
}

/**
 * Gives back the promotion uses a cancelled order held, after its cancellation: releasing is
 * idempotent, so a retried or resumed cancellation releases nothing twice, and a crash between
 * the two leaves uses held that the next cancellation attempt (or `qm`) releases.
 */
async function releaseOrderRedemptions(
  deps: OrderDeps,
  orderId: string,
  reason: CancellationReason,
  context: CommandContext,
): Promise<void> {
  const { state } = await loadOrder(deps, orderId);
  if (state.status === 'none') return;
  const discounts = pricedTotals(state.totals).discounts;
  if (discounts.length === 0) return;
  await releaseRedemptions(
    deps.runtime,
    {
      orderId,
      customerId: state.customerId,
      discounts: discounts.map((d) => ({ promotionId: d.promotionId, code: d.code })),
      reason: reason === 'expired' ? 'expired' : 'cancelled',
    },
    context,
  );
}

function cancelWithStock(
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
