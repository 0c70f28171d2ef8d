import { ValidationFailed } from '../errors.ts';
import { add, multiply, sum } from '../money.ts';
import { requireKey, requirePositiveInt, requireUnique } from '../validation.ts';
import type { EditOrder } from './commands.ts';
import { ExtraPaymentRequired, PaymentInProgress } from './errors.ts';
import type { LineAllocation, OrderEvent, OrderLine, RaisedLine, StockReservation } from './events.ts';
import { address, MAX_LINES, orderLine, orderTotals } from './place-order.ts';
import type { ExistingOrder } from './state.ts';

/**
 * Adds lines to an unshipped order and raises line quantities, re-priced as a whole. The
 * transition table allows it only before anything shipped; here it is refused while a card payment
 * is open for the old total (the customer may be paying it: `payment_in_progress`), and on an
 * authorized or paid order whose money would no longer cover the new total (the difference needs
 * an extra authorization: `extra_payment_required`). An order not yet paid (manual provider,
 * or after a failed payment) is paid for its new total by the next payment.
 */
export function editOrder({ data }: EditOrder, order: ExistingOrder): OrderEvent[] {
  const { orderId, currency } = { orderId: data.orderId, currency: order.currency };
  if (order.status === 'placed' && order.paymentProvider !== 'manual') {
    throw new PaymentInProgress({ orderId, paymentProvider: order.paymentProvider });
  }
  const shippingAddress = data.shippingAddress === null ? null : address(data.shippingAddress);
  const methodOf = (method: { methodId: string } | null) => method?.methodId ?? null;
  if (
    data.add.length === 0 &&
    data.raise.length === 0 &&
    shippingAddress === null &&
    methodOf(data.pricing.shippingMethod) === methodOf(order.totals.shippingMethod)
  )
    throw new ValidationFailed(
      'add',
      'add a line, raise a quantity, or change the shipping address or method',
    );
  if (order.lines.length + data.add.length > MAX_LINES)
    throw new ValidationFailed('add', `an order has at most ${MAX_LINES} lines`);
  requireUnique(
    'add',
    data.add.map((l) => l.lineId),
  );
  const added: OrderLine[] = data.add.map((line, i) => {
    if (order.lines.some((l) => l.lineId === line.lineId))
      throw new ValidationFailed(`add[${i}].lineId`, 'is already a line of this order');
    const onOrder = order.lines.find((l) => l.sku === line.sku);
    // One line per SKU keeps one reservation per order in each stock stream.
    if (onOrder)
      throw new ValidationFailed(`add[${i}]`, `is already on line ${onOrder.lineId}: raise its quantity`);
    return orderLine(`add[${i}]`, line, currency);
  });
  requireUnique(
    'add',
    added.map((l) => l.sku),
  );
  requireUnique(
    'raise',
    data.raise.map((l) => l.lineId),
  );
  const raised: RaisedLine[] = data.raise.map((raise, i) => {
    requireKey(`raise[${i}].lineId`, raise.lineId);
    const quantity = requirePositiveInt(`raise[${i}].quantity`, raise.quantity);
    const line = order.lines.find((l) => l.lineId === raise.lineId);
    if (!line) throw new ValidationFailed(`raise[${i}].lineId`, 'is not a line of this order');
    const allocations = requireAllocations(`raise[${i}]`, raise.allocations, quantity);
    return {
      lineId: line.lineId,
      sku: line.sku,
      quantity,
      amount: multiply(line.unitPrice, quantity),
      allocations,
    };
  });
  const lines = linesAfterEdit(order.lines, added, raised);
  const subtotal = sum(
    currency,
    lines.map((l) => l.lineTotal),
  );
  const after = orderTotals(data.pricing, subtotal, currency);
  if (order.status === 'authorized' || order.status === 'paid') {
    const { authorized, captured, refunded } = order.payment;
    const paid = order.status === 'authorized' ? authorized : captured - refunded;
    if (after.total.amount > paid) {
      throw new ExtraPaymentRequired({
        orderId,
        status: order.status,
        paid,
        newTotal: after.total.amount,
        currency,
      });
    }
  }
  const reservations: StockReservation[] = [
    ...added.flatMap((line) => line.allocations.map((a) => ({ lineId: line.lineId, sku: line.sku, ...a }))),
    ...raised.flatMap((line) => line.allocations.map((a) => ({ lineId: line.lineId, sku: line.sku, ...a }))),
  ];
  const { customerId } = order;
  return [
    {
      type: 'OrderEdited',
      data: {
        orderId,
        customerId,
        shippingAddress,
        added,
        raised,
        reservations,
        before: order.totals,
        after,
      },
    },
  ];
}

function requireAllocations(path: string, allocations: readonly LineAllocation[], quantity: number) {
  if (allocations.length === 0) throw new ValidationFailed(`${path}.allocations`, 'must not be empty');
  requireUnique(
    `${path}.allocations`,
    allocations.map((a) => a.location),
  );
  const checked = allocations.map((a, j) => ({
    location: requireKey(`${path}.allocations[${j}].location`, a.location),
    quantity: requirePositiveInt(`${path}.allocations[${j}].quantity`, a.quantity),
  }));
  if (checked.reduce((total, a) => total + a.quantity, 0) !== quantity)
    throw new ValidationFailed(`${path}.allocations`, 'must add up to the units added');
  return checked;
}

/** The order's lines after an edit: raised lines grow (allocations merged per location), added ones follow. */
export function linesAfterEdit(
  lines: readonly OrderLine[],
  added: readonly OrderLine[],
  raised: readonly RaisedLine[],
): OrderLine[] {
  return [
    ...lines.map((line) => {
      const raise = raised.find((r) => r.lineId === line.lineId);
      if (!raise) return line;
      const allocations = line.allocations.map((a) => ({
        location: a.location,
        quantity: a.quantity + (raise.allocations.find((r) => r.location === a.location)?.quantity ?? 0),
      }));
      for (const r of raise.allocations)
        if (!allocations.some((a) => a.location === r.location)) allocations.push({ ...r });
      return {
        ...line,
        quantity: line.quantity + raise.quantity,
        lineTotal: add(line.lineTotal, raise.amount),
        allocations,
      };
    }),
    ...added,
  ];
}
