import { CurrencyMismatch, ValidationFailed } from '../errors.ts';
import { add, multiply, requireMoney, sum, type Money } from '../money.ts';
import { requireKey, requirePositiveInt, requireUnique } from '../validation.ts';
import type { EditOrder } from './commands.ts';
import { cancelledShare, lineAfterCancel, takeFromLast } from './cancel-lines.ts';
import { editPayment } from './edit-payment.ts';
import { CancelExceedsOrdered, ExtraPaymentPending, PaymentInProgress } from './errors.ts';
import type {
  LineAllocation,
  LoweredLine,
  OrderEvent,
  OrderLine,
  RaisedLine,
  StockRelease,
  StockReservation,
} from './events.ts';
import { address, MAX_LINES, orderLine, orderTotals } from './place-order.ts';
import type { ExistingOrder } from './state.ts';

/**
 * Adds lines to an unshipped order, raises and lowers line quantities (a line lowered by all its
 * units is removed; the order keeps at least one unit: removing everything is a cancellation),
 * re-priced as a whole. The
 * transition table allows it only before anything shipped; here it is refused while a card payment
 * is open for the old total (the customer may be paying it: `payment_in_progress`), and while an
 * earlier edit's difference is still owed (`extra_payment_pending`). On an authorized or paid order
 * the event says what the edit does to the money (`editPayment`: an extra payment owed, a refund,
 * or a release); an order not yet paid (manual provider, or after a failed payment) is paid for
 * its new total by the next payment.
 */
export function editOrder({ data }: EditOrder, order: ExistingOrder): OrderEvent[] {
  const { orderId, currency } = { orderId: data.orderId, currency: order.currency };
  if (order.status === 'placed' && order.paymentProvider !== 'manual') {
    throw new PaymentInProgress({ orderId, paymentProvider: order.paymentProvider });
  }
  if (order.payment.extra)
    throw new ExtraPaymentPending({ orderId, owed: order.payment.extra.amount, currency });
  const shippingAddress = data.shippingAddress === null ? null : address(data.shippingAddress);
  const methodOf = (method: { methodId: string } | null) => method?.methodId ?? null;
  if (
    data.add.length === 0 &&
    data.raise.length === 0 &&
    (data.lower ?? []).length === 0 &&
    shippingAddress === null &&
    methodOf(data.pricing.shippingMethod) === methodOf(order.totals.shippingMethod)
  )
    throw new ValidationFailed(
      'add',
      'add a line, raise or lower a quantity, or change the shipping address or method',
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
    const unitPrice = repriced(`raise[${i}].unitPrice`, raise.unitPrice, line, currency);
    return {
      lineId: line.lineId,
      sku: line.sku,
      quantity,
      amount: multiply(unitPrice ?? line.unitPrice, quantity),
      allocations,
      ...(unitPrice ? { unitPrice } : {}),
    };
  });
  const { lowered, releases } = lowerLines(data.lower ?? [], order, raised);
  const lines = linesAfterEdit(order.lines, added, raised, lowered);
  if (lines.every((l) => l.quantity === 0))
    throw new ValidationFailed('lower', 'an edit leaves at least one unit: cancel the order instead');
  const subtotal = sum(
    currency,
    lines.map((l) => l.lineTotal),
  );
  const after = orderTotals(data.pricing, subtotal, currency);
  const payment = editPayment(order, after.total);
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
        lowered,
        releases,
        before: order.totals,
        after,
        payment,
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

/**
 * The units taken off each line, the share of its total they take (as a partial cancellation
 * prorates it, so the parts of a line always add up), and the reservations to give back, from the
 * line's last allocation first (backordered units first).
 */
function lowerLines(
  lower: readonly { lineId: string; quantity: number; unitPrice?: Money }[],
  order: ExistingOrder,
  raised: readonly RaisedLine[],
): { lowered: LoweredLine[]; releases: StockRelease[] } {
  requireUnique(
    'lower',
    lower.map((l) => l.lineId),
  );
  const releases: StockRelease[] = [];
  const lowered = lower.map((take, i): LoweredLine => {
    requireKey(`lower[${i}].lineId`, take.lineId);
    const quantity = requirePositiveInt(`lower[${i}].quantity`, take.quantity);
    const line = order.lines.find((l) => l.lineId === take.lineId);
    if (!line) throw new ValidationFailed(`lower[${i}].lineId`, 'is not a line of this order');
    if (raised.some((r) => r.lineId === line.lineId))
      throw new ValidationFailed(`lower[${i}].lineId`, 'is raised by the same edit');
    if (quantity > line.quantity)
      throw new CancelExceedsOrdered({ lineId: line.lineId, ordered: line.quantity, requested: quantity });
    for (const a of takeFromLast(line.allocations, quantity))
      releases.push({ lineId: line.lineId, sku: line.sku, location: a.location, quantity: a.quantity });
    const amount = { amount: cancelledShare(line, quantity), currency: order.currency };
    const unitPrice = repriced(`lower[${i}].unitPrice`, take.unitPrice, line, order.currency);
    return { lineId: line.lineId, sku: line.sku, quantity, amount, ...(unitPrice ? { unitPrice } : {}) };
  });
  return { lowered, releases };
}

/**
 * A changed line's new unit price, checked: in the order's currency and below the line's own. An
 * edit may give the customer the lower price a placement would charge now for the line's new
 * quantity, never charge more for units already sold.
 */
function repriced(
  field: string,
  unitPrice: Money | undefined,
  line: OrderLine,
  currency: string,
): Money | undefined {
  if (unitPrice === undefined) return undefined;
  requireMoney(field, unitPrice);
  if (unitPrice.currency !== currency)
    throw new CurrencyMismatch({ expected: currency, actual: unitPrice.currency });
  if (unitPrice.amount >= line.unitPrice.amount)
    throw new ValidationFailed(field, "must be below the line's unit price: an edit never raises it");
  return { amount: unitPrice.amount, currency };
}

/**
 * The order's lines after an edit: raised lines grow (allocations merged per location), lowered
 * ones shrink (from their last allocation; a line at 0 units stays, as after a partial
 * cancellation), added ones follow.
 */
export function linesAfterEdit(
  lines: readonly OrderLine[],
  added: readonly OrderLine[],
  raised: readonly RaisedLine[],
  lowered: readonly LoweredLine[] = [],
): OrderLine[] {
  return [
    ...lines.map((line) => {
      const lower = lowered.find((l) => l.lineId === line.lineId);
      if (lower) return withUnitPrice(lineAfterCancel(line, lower), lower.unitPrice);
      const raise = raised.find((r) => r.lineId === line.lineId);
      if (!raise) return line;
      const allocations = line.allocations.map((a) => ({
        location: a.location,
        quantity: a.quantity + (raise.allocations.find((r) => r.location === a.location)?.quantity ?? 0),
      }));
      for (const r of raise.allocations)
        if (!allocations.some((a) => a.location === r.location)) allocations.push({ ...r });
      return withUnitPrice(
        {
          ...line,
          quantity: line.quantity + raise.quantity,
          lineTotal: add(line.lineTotal, raise.amount),
          allocations,
        },
        raise.unitPrice,
      );
    }),
    ...added,
  ];
}

/** A line repriced by an edit: every unit it holds at the new price. */
function withUnitPrice(line: OrderLine, unitPrice: Money | undefined): OrderLine {
  return unitPrice ? { ...line, unitPrice, lineTotal: multiply(unitPrice, line.quantity) } : line;
}
