import { ValidationFailed } from '../errors.ts';
import { requirePositiveInt, requireUnique } from '../validation.ts';
import type { CancelOrderLines } from './commands.ts';
import { CancelExceedsOrdered, ExtraPaymentPending, PaymentInProgress } from './errors.ts';
import { money, type Money } from '../money.ts';
import type {
  CancelledLine,
  LineAllocation,
  OrderEvent,
  OrderLine,
  OrderTotals,
  StockRelease,
} from './events.ts';
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
  // The extra payment open for an edit's difference charges that amount whatever the total does
  // next: units cancelled now would be paid for by it all the same (and refunded by nothing).
  if (order.payment.extra)
    throw new ExtraPaymentPending({ orderId, owed: order.payment.extra.amount, currency: order.currency });
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
    lines.push(cancelledLine(order, line, quantity));
    for (const take of takeFromLast(line.allocations, quantity)) {
      releases.push({ lineId, sku: line.sku, location: take.location, quantity: take.quantity });
    }
  }
  const left = order.lines.reduce(
    (sum, line) => sum + line.quantity - (lines.find((l) => l.lineId === line.lineId)?.quantity ?? 0),
    0,
  );
  if (left === 0) throw new ValidationFailed('lines', 'cancel every unit with a cancellation of the order');
  trimToGoodsLeft(order, lines);
  const amount = { amount: lines.reduce((sum, l) => sum + totalOff(order, l), 0), currency: order.currency };
  const refund = cancellationRefund(order, lines, amount.amount);
  return [
    {
      type: 'OrderLinesCancelled',
      data: {
        orderId,
        lines,
        releases,
        amount,
        ...(refund > 0 ? { refund: money(refund, order.currency) } : {}),
      },
    },
  ];
}

/**
 * What a cancellation refunds: what was captured beyond the order's new total, less the refunds
 * earlier changes left due, at most the value cancelled (a partly paid order keeps its money for
 * what is left). Decided here, with the cancellation, so that a change recorded after it, before
 * the provider has refunded, decides on money already spoken for.
 */
function cancellationRefund(order: ExistingOrder, lines: readonly CancelledLine[], amount: number): number {
  const { captured, refunded, refundsDue } = order.payment;
  if (captured === 0) return 0;
  const newTotal = totalsAfterCancel(order.totals, order.lines, lines, money(amount, order.currency)).total;
  return Math.max(0, Math.min(amount, captured - refunded - refundsDue - newTotal.amount));
}

/** What `quantity` of the line's units take of its total: the total less the prorated rest. */
export function cancelledShare(line: OrderLine, quantity: number): number {
  return shareOf(line.lineTotal.amount, quantity, line.quantity);
}

/** `quantity` of `units` units' share of `value`: the value less the prorated rest, so shares add up. */
export function shareOf(value: number, quantity: number, units: number): number {
  return value - Math.round((value * (units - quantity)) / units);
}

/**
 * The units' shares of the line's total, of each discount the line got (its `lineAmounts`; the
 * part of a discount given to the order as a whole stays with the order), and of its tax (where
 * the order's tax is known), all prorated the same way.
 */
function cancelledLine(order: ExistingOrder, line: OrderLine, quantity: number): CancelledLine {
  const { currency } = order;
  const discounts = order.totals.discounts.flatMap((d) => {
    const given = d.lineAmounts.find((l) => l.sku === line.sku)?.amount.amount ?? 0;
    const amount = shareOf(given, quantity, line.quantity);
    return amount > 0 ? [{ promotionId: d.promotionId, amount: { amount, currency } }] : [];
  });
  const lineTax = order.totals.taxDetail.known
    ? (order.totals.taxDetail.lines.find((l) => l.sku === line.sku)?.tax.amount ?? 0)
    : 0;
  return {
    lineId: line.lineId,
    sku: line.sku,
    quantity,
    amount: { amount: cancelledShare(line, quantity), currency },
    discounts,
    tax: { amount: shareOf(lineTax, quantity, line.quantity), currency },
  };
}

/**
 * Discounts never take more than the goods (the pipeline trims them to the subtotal): where the
 * order's discounts, less the cancelled lines' shares, would be more than the goods left (a fixed
 * amount off the whole order, say), the excess comes off too, from the last discounts first,
 * booked with the last cancelled line.
 */
function trimToGoodsLeft(order: ExistingOrder, lines: CancelledLine[]): void {
  const { totals, currency } = order;
  const goodsLeft = totals.subtotal.amount - lines.reduce((sum, l) => sum + l.amount.amount, 0);
  const taken = (promotionId: string) =>
    lines
      .flatMap((l) => l.discounts ?? [])
      .filter((d) => d.promotionId === promotionId)
      .reduce((sum, d) => sum + d.amount.amount, 0);
  let excess =
    totals.discounts.reduce((sum, d) => sum + d.amount.amount - taken(d.promotionId), 0) - goodsLeft;
  const last = lines.at(-1);
  if (!last) return;
  for (let i = totals.discounts.length - 1; i >= 0 && excess > 0; i--) {
    const discount = totals.discounts[i]!;
    const trim = Math.min(excess, discount.amount.amount - taken(discount.promotionId));
    if (trim <= 0) continue;
    last.discounts = [
      ...(last.discounts ?? []),
      { promotionId: discount.promotionId, amount: { amount: trim, currency } },
    ];
    excess -= trim;
  }
}

/** What a cancelled line takes off the order's total: its amount less its discounts, plus tax added on top. */
function totalOff(order: ExistingOrder, line: CancelledLine): number {
  const discounts = (line.discounts ?? []).reduce((sum, d) => sum + d.amount.amount, 0);
  const added = order.totals.taxDetail.included ? 0 : (line.tax?.amount ?? 0);
  return line.amount.amount - discounts + added;
}

/**
 * The order's totals after units were cancelled: subtotal down by the lines' amounts, each discount
 * (and its `lineAmounts`) by its shares, the tax detail's lines and total by the tax shares (the
 * taxable amount prorated alike), the tax added on top with them, and the total by `amount`.
 * Cancellations recorded before discounts and tax were taken along carry neither: only the subtotal
 * and the total go down.
 */
export function totalsAfterCancel(
  totals: OrderTotals,
  before: readonly OrderLine[],
  cancelled: readonly CancelledLine[],
  amount: Money,
): OrderTotals {
  const less = (money: Money, by: number): Money => ({ ...money, amount: money.amount - by });
  const linesOff = cancelled.reduce((sum, l) => sum + l.amount.amount, 0);
  const discountOff = (promotionId: string, sku?: string) =>
    cancelled
      .filter((l) => sku === undefined || l.sku === sku)
      .flatMap((l) => l.discounts ?? [])
      .filter((d) => d.promotionId === promotionId)
      .reduce((sum, d) => sum + d.amount.amount, 0);
  const discounts = totals.discounts.map((d) => ({
    ...d,
    amount: less(d.amount, discountOff(d.promotionId)),
    // Never below 0: a trim of the discount's order-wide part is booked with a line too.
    lineAmounts: d.lineAmounts.map((l) => ({
      ...l,
      amount: less(l.amount, Math.min(l.amount.amount, discountOff(d.promotionId, l.sku))),
    })),
  }));
  const taxOff = cancelled.reduce((sum, l) => sum + (l.tax?.amount ?? 0), 0);
  const detail = totals.taxDetail;
  const taxDetail = {
    ...detail,
    lines: detail.lines.map((l) => {
      const line = cancelled.find((c) => c.sku === l.sku);
      const units = before.find((b) => b.sku === l.sku)?.quantity ?? 0;
      if (!line || units === 0) return l;
      return {
        ...l,
        taxable: less(l.taxable, shareOf(l.taxable.amount, line.quantity, units)),
        tax: less(l.tax, line.tax?.amount ?? 0),
      };
    }),
    total: less(detail.total, taxOff),
  };
  return {
    ...totals,
    subtotal: less(totals.subtotal, linesOff),
    discounts,
    discountTotal: less(
      totals.discountTotal,
      discounts.reduce((sum, d, i) => sum + totals.discounts[i]!.amount.amount - d.amount.amount, 0),
    ),
    tax: detail.known && !detail.included ? less(totals.tax, taxOff) : totals.tax,
    taxDetail,
    total: less(totals.total, amount.amount),
  };
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
