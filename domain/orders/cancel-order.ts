import type { ReleaseReason } from '../inventory/events.ts';
import { assertNever } from '../assert-never.ts';
import { CannotExpire } from './errors.ts';
import { epochMillis, requireIsoTime, requireLength, requireOneOf } from '../validation.ts';
import type { CancelOrder } from './commands.ts';
import { cancellationReasons, type CancellationReason, type OrderEvent } from './events.ts';
import type { ExistingOrder } from './state.ts';

/**
 * Cancellation happens only before any shipment (the transition table enforces that), so every
 * allocation is still fully reserved and the event can list all of them for release.
 */
export function cancelOrder({ data }: CancelOrder, order: ExistingOrder): OrderEvent[] {
  const { orderId, reason, note, now } = data;
  requireOneOf('reason', reason, cancellationReasons);
  requireIsoTime('now', now);
  if (note !== null) requireLength('note', note, 500);
  if (reason === 'expired') requireExpired(order, now);
  const releases = order.lines.flatMap((line) =>
    line.allocations.map((a) => ({
      lineId: line.lineId,
      sku: line.sku,
      location: a.location,
      quantity: a.quantity,
    })),
  );
  const { customerId } = order;
  return [{ type: 'OrderCancelled', data: { orderId, customerId, reason, note, releases } }];
}

/** The reason the stock streams record when an order's reservations are released. */
export function releaseReasonFor(reason: CancellationReason): ReleaseReason {
  switch (reason) {
    case 'requested':
      return 'cancelled';
    case 'expired':
      return 'expired';
    case 'payment_failed':
      return 'payment_failed';
    default:
      return assertNever(reason);
  }
}

/** Only an unpaid order expires: once money is authorized or captured, the stock is the customer's. */
function requireExpired(order: ExistingOrder, now: string): void {
  const refuse = (why: 'not_yet_due' | 'payment_received') =>
    new CannotExpire({ aggregate: 'order', id: order.orderId, expiresAt: order.expiresAt, now, why });
  if (order.status !== 'placed' && order.status !== 'payment_failed') throw refuse('payment_received');
  if (epochMillis(now) < epochMillis(order.expiresAt)) throw refuse('not_yet_due');
}
