import { ValidationFailed } from '../errors.ts';
import { requirePositiveInt, requireUnique } from '../validation.ts';
import type { CancelOrderLines } from './commands.ts';
import { CancelExceedsOrdered, PaymentInProgress } from './errors.ts';
import type { CancelledLine, LineAllocation, OrderEvent, OrderLine, StockRelease } from './events.ts';
import type { ExistingOrder } from './state.ts';

/**
 * Cancels some units of an order before anything shipped (the transition table allows it only
 * then, so every allocation is still whole), and not while a card payment for the old total is
 * open (placed, neither authorized nor failed): an authorized payment captures the new total, a
 * failed one is retried for it. Each line gives back its units from its last
 * allocation first, and the share of its total they took: what is left is the line total prorated
 * to the units left, rounded, so the cancellations of a line always add up to its total.
 */
export function cancelOrderLines({ data }: CancelOrderLines, order: ExistingOrder): OrderEvent[] {
  const { orderId } = data;
  // The manual provider opens nothing the customer pays online: its payment records the new total.
  if (order.status === 'placed' && order.paymentProvider !== 'manual') {
    throw new PaymentInProgress({ orderId, paymentProvider: order.paymentProvider });
  }
  if (data.lines.length === 0) throw new ValidationFailed('lines', 'must not be empty');
  requireUnique(
    'lines',
    data.lines.map((l) => l.lineId),
  );
  const lines: CancelledLine[] = [];
  const releases: StockRelease[] = [];
  for (const [i, { lineId, quantity }] of data.lines.entries()) {
    requirePositiveInt(`lines[${i}].quantity`, quantity);
    const line = order.lines.find((l) => l.lineId === lineId);
    if (line === undefined) throw new ValidationFailed(`lines[${i}].lineId`, 'is not a line of this order');
    if (quantity > line.quantity) {
      throw new CancelExceedsOrdered({ lineId, ordered: line.quantity, requested: quantity });
    }
    lines.push({
      lineId,
      sku: line.sku,
      quantity,
      amount: { ...line.lineTotal, amount: cancelledShare(line, quantity) },
    });
    for (const take of takeFromLast(line.allocations, quantity)) {
      releases.push({ lineId, sku: line.sku, location: take.location, quantity: take.quantity });
    }
  }
  const left = order.lines.reduce(
    (sum, line) => sum + line.quantity - (lines.find((l) => l.lineId === line.lineId)?.quantity ?? 0),
    0,
  );
  if (left === 0) throw new ValidationFailed('lines', 'cancel every unit with a cancellation of the order');
  const amount = { amount: lines.reduce((sum, l) => sum + l.amount.amount, 0), currency: order.currency };
  return [{ type: 'OrderLinesCancelled', data: { orderId, lines, releases, amount } }];
}

/** What `quantity` of the line's units take of its total: the total less the prorated rest. */
export function cancelledShare(line: OrderLine, quantity: number): number {
  const rest = line.quantity - quantity;
  return line.lineTotal.amount - Math.round((line.lineTotal.amount * rest) / line.quantity);
}

/** `quantity` units taken from the allocations, the last one first. */
export function takeFromLast(allocations: readonly LineAllocation[], quantity: number): LineAllocation[] {
  const taken: LineAllocation[] = [];
  let wanted = quantity;
  for (let i = allocations.length - 1; i >= 0 && wanted > 0; i--) {
    const allocation = allocations[i]!;
    const take = Math.min(wanted, allocation.quantity);
    if (take > 0) taken.push({ location: allocation.location, quantity: take });
    wanted -= take;
  }
  return taken;
}

/** A line after `cancelled` of its units went: quantity, total and allocations reduced alike. */
export function lineAfterCancel(line: OrderLine, cancelled: CancelledLine): OrderLine {
  const taken = takeFromLast(line.allocations, cancelled.quantity);
  const allocations = line.allocations
    .map((a) => ({
      location: a.location,
      quantity: a.quantity - (taken.find((t) => t.location === a.location)?.quantity ?? 0),
    }))
    .filter((a) => a.quantity > 0);
  return {
    ...line,
    quantity: line.quantity - cancelled.quantity,
    lineTotal: { ...line.lineTotal, amount: line.lineTotal.amount - cancelled.amount.amount },
    allocations,
  };
}
