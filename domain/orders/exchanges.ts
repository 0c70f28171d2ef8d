import { AlreadyExists, CurrencyMismatch, ValidationFailed } from '../errors.ts';
import { requireMoney, type Money } from '../money.ts';
import { requireKey, requirePositiveInt, requireText } from '../validation.ts';
import type { CaptureExchangeCharge, ExchangeLine } from './commands.ts';
import { AmountMismatch, ExchangeChargeUnknown, ExchangeExceedsDelivered } from './errors.ts';
import { shareOf } from './cancel-lines.ts';
import type { LineExchanged, OrderEvent, OrderLine, OrderTotals, ReplacementTax } from './events.ts';
import { orderLine } from './place-order.ts';
import { firstOfSku, taxLineOf, unitsLeft } from './line-paid.ts';
import { exchangesOf, shippedQuantity, type ExistingOrder, type OrderData } from './state.ts';

/** What an exchange moves: the returned units as they were paid, the replacement, and the difference. */
export type ExchangePrice = {
  /** The units' share of their line's total, of each discount the line got, and of its tax. */
  returned: { amount: Money; discounts: { promotionId: string; amount: Money }[]; tax: Money };
  /** The replacement's tax, where the order's tax is known (an order placed before tax: none). */
  replacementTax: ReplacementTax | null;
  difference: Money;
};

/**
 * What an exchange costs on top of the returned units (negative: what it gives back). The returned
 * units count at what was paid for them: their share of the line's total less their share of the
 * discounts the line got, plus their share of its tax where tax was added on top (EU prices hold
 * it already), prorated over the line's units not exchanged yet as a partial cancellation prorates
 * (`shareOf`). The replacement counts at `unitPrice` plus, where tax is added on top, the tax the
 * price pipeline computed for it at the order's address (`replacement.tax`, from the handler).
 */
export function exchangeDifference(
  order: OrderData,
  lineId: string,
  quantity: number,
  replacement: { unitPrice: Money; tax: ReplacementTax | null },
): ExchangePrice {
  const line = order.lines.find((l) => l.lineId === lineId);
  if (!line) throw new ValidationFailed('lineId', 'is not a line of this order');
  requirePositiveInt('quantity', quantity);
  const { currency } = order;
  const m = (amount: number): Money => ({ amount, currency });
  const { taxDetail } = order.totals;
  const onTop = taxDetail.known && !taxDetail.included;
  const units = unitsLeft(order, line);
  // A line's total is always its unit price times its units (cancellations and edits keep it so).
  const amount = line.unitPrice.amount * quantity;
  // Discounts are given by SKU: they belong to the first line of it (a replacement got none).
  const discounts = firstOfSku(order, line)
    ? order.totals.discounts.flatMap((d) => {
        const given = d.lineAmounts.find((l) => l.sku === line.sku)?.amount.amount ?? 0;
        const share = shareOf(given, quantity, units);
        return share > 0 ? [{ promotionId: d.promotionId, amount: m(share) }] : [];
      })
    : [];
  const taxLine = taxLineOf(order, line);
  const tax = taxLine ? shareOf(taxLine.tax.amount, quantity, units) : 0;
  const paid = amount - discounts.reduce((sum, d) => sum + d.amount.amount, 0) + (onTop ? tax : 0);
  const replacementTax = taxDetail.known ? replacement.tax : null;
  const cost = replacement.unitPrice.amount * quantity + (onTop ? (replacementTax?.tax.amount ?? 0) : 0);
  return {
    returned: { amount: m(amount), discounts, tax: m(tax) },
    replacementTax,
    difference: m(cost - paid),
  };
}

/**
 * Delivered units of a line for another SKU, at most what was delivered and not exchanged yet;
 * the replacement is a new line, reserved with the exchange; a difference to pay needs its
 * extra payment opened first (`chargeRef`), and none is taken when there is nothing to pay.
 */
export function exchangeLine({ data }: ExchangeLine, order: ExistingOrder): OrderEvent[] {
  const { orderId, exchangeId, lineId, quantity, chargeRef } = data;
  requireKey('exchangeId', exchangeId);
  const reason = requireText('reason', data.reason, 500);
  if (exchangesOf(order).some((e) => e.exchangeId === exchangeId))
    throw new AlreadyExists({ aggregate: 'exchange', id: exchangeId });
  const line = order.lines.find((l) => l.lineId === lineId);
  if (!line) throw new ValidationFailed('lineId', 'is not a line of this order');
  requirePositiveInt('quantity', quantity);
  const delivered = shippedQuantity(order, lineId);
  const alreadyExchanged = exchangesOf(order)
    .filter((e) => e.lineId === lineId)
    .reduce((total, e) => total + e.quantity, 0);
  if (quantity > delivered - alreadyExchanged)
    throw new ExchangeExceedsDelivered({ lineId, delivered, alreadyExchanged, requested: quantity });
  if (data.replacement.sku === line.sku)
    throw new ValidationFailed(
      'replacement.sku',
      'must differ from the returned line (a claim replaces like for like)',
    );
  if (order.lines.some((l) => l.lineId === data.replacement.lineId))
    throw new AlreadyExists({ aggregate: 'line', id: data.replacement.lineId });
  const { tax, ...priced } = data.replacement;
  const replacement: OrderLine = orderLine('replacement', { ...priced, quantity }, order.currency);
  if (tax !== null) {
    requireMoney('replacement.tax.tax', tax.tax);
    if (tax.tax.currency !== order.currency)
      throw new CurrencyMismatch({ expected: order.currency, actual: tax.tax.currency });
  }
  const { returned, replacementTax, difference } = exchangeDifference(order, lineId, quantity, {
    unitPrice: replacement.unitPrice,
    tax,
  });
  if (difference.amount > 0 && chargeRef === null)
    throw new ValidationFailed('chargeRef', 'the replacement costs more: open the extra payment first');
  if (difference.amount <= 0 && chargeRef !== null)
    throw new ValidationFailed('chargeRef', 'there is nothing to charge');
  const charge =
    chargeRef === null ? null : { paymentRef: requireText('chargeRef', chargeRef, 200), amount: difference };
  return [
    {
      type: 'LineExchanged',
      data: {
        orderId,
        exchangeId,
        returned: { lineId, sku: line.sku, quantity, ...returned },
        replacement,
        replacementTax,
        difference,
        charge,
        reason,
      },
    },
  ];
}

/** The extra payment of an exchange captured at the provider, for exactly what it was opened for. */
export function captureExchangeCharge({ data }: CaptureExchangeCharge, order: ExistingOrder): OrderEvent[] {
  const { orderId, paymentRef } = data;
  const exchange = exchangesOf(order).find((e) => e.charge?.paymentRef === paymentRef && !e.charge.captured);
  if (!exchange?.charge) throw new ExchangeChargeUnknown({ orderId, paymentRef });
  const amount = requireMoney('amount', data.amount);
  if (amount.currency !== order.currency)
    throw new CurrencyMismatch({ expected: order.currency, actual: amount.currency });
  if (amount.amount !== exchange.charge.amount)
    throw new AmountMismatch({
      expected: exchange.charge.amount,
      actual: amount.amount,
      currency: order.currency,
    });
  return [
    {
      type: 'ExchangeChargeCaptured',
      data: { orderId, exchangeId: exchange.exchangeId, paymentRef, amount },
    },
  ];
}

/**
 * The order's totals after an exchange, so that total = subtotal − discounts + shipping + tax still
 * holds: the subtotal moves by the replacement's total less the returned units' amount, each
 * discount (and its line amount for the SKU) gives back the units' share, the tax detail's line
 * loses the units' tax (and its taxable amount their share) and the replacement's tax line is
 * added, the tax added on top moves with them, and the total moves by the difference. Exchanges
 * recorded before discounts and tax were counted move only the subtotal and the total.
 */
export function totalsAfterExchange(order: OrderData, exchanged: LineExchanged['data']): OrderTotals {
  const { totals } = order;
  const { returned, replacement, difference } = exchanged;
  const plus = (money: Money, by: number): Money => ({ ...money, amount: money.amount + by });
  const given = (promotionId: string) =>
    (returned.discounts ?? [])
      .filter((d) => d.promotionId === promotionId)
      .reduce((sum, d) => sum + d.amount.amount, 0);
  const discounts = totals.discounts.map((d) => ({
    ...d,
    amount: plus(d.amount, -given(d.promotionId)),
    lineAmounts: d.lineAmounts.map((l) =>
      l.sku === returned.sku
        ? { ...l, amount: plus(l.amount, -Math.min(l.amount.amount, given(d.promotionId))) }
        : l,
    ),
  }));
  const discountOff = (returned.discounts ?? []).reduce((sum, d) => sum + d.amount.amount, 0);
  let { tax, taxDetail } = totals;
  const line = order.lines.find((l) => l.lineId === returned.lineId);
  const returnedTax = returned.tax?.amount;
  if (taxDetail.known && returnedTax !== undefined && line) {
    const added = exchanged.replacementTax ?? null;
    const taxLine = taxLineOf(order, line);
    const units = unitsLeft(order, line);
    const lines = taxDetail.lines.map((l) =>
      l === taxLine
        ? {
            ...l,
            taxable: plus(l.taxable, -shareOf(l.taxable.amount, returned.quantity, units)),
            tax: plus(l.tax, -returnedTax),
          }
        : l,
    );
    if (added) {
      const { taxClass, rateBps } = added;
      lines.push({ sku: replacement.sku, taxClass, rateBps, taxable: replacement.lineTotal, tax: added.tax });
    }
    const moved = (added?.tax.amount ?? 0) - returnedTax;
    taxDetail = { ...taxDetail, lines, total: plus(taxDetail.total, moved) };
    if (!taxDetail.included) tax = plus(tax, moved);
  }
  return {
    ...totals,
    subtotal: plus(totals.subtotal, replacement.lineTotal.amount - returned.amount.amount),
    discounts,
    discountTotal: plus(totals.discountTotal, -discountOff),
    tax,
    taxDetail,
    total: plus(totals.total, difference.amount),
  };
}
