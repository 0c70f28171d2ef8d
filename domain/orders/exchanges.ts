import { AlreadyExists, CurrencyMismatch, ValidationFailed } from '../errors.ts';
import { requireMoney, type Money } from '../money.ts';
import { requireKey, requirePositiveInt, requireText } from '../validation.ts';
import type { CaptureExchangeCharge, ExchangeLine } from './commands.ts';
import { AmountMismatch, ExchangeChargeUnknown, ExchangeExceedsDelivered } from './errors.ts';
import type { OrderEvent, OrderLine, OrderTotals } from './events.ts';
import { orderLine } from './place-order.ts';
import { exchangesOf, shippedQuantity, type ExistingOrder, type OrderData } from './state.ts';

/**
 * What an exchange costs on top of the returned units (negative: what it gives back): the
 * replacement at `unitPrice` less the returned units' share of their line's total. Discounts and
 * tax stay with the order as placed (see docs/after-sale.md).
 */
export function exchangeDifference(
  order: OrderData,
  lineId: string,
  quantity: number,
  unitPrice: Money,
): { returned: Money; difference: Money } {
  const line = order.lines.find((l) => l.lineId === lineId);
  if (!line) throw new ValidationFailed('lineId', 'is not a line of this order');
  requirePositiveInt('quantity', quantity);
  const returned = Math.floor((line.lineTotal.amount * quantity) / line.quantity);
  return {
    returned: { amount: returned, currency: order.currency },
    difference: { amount: unitPrice.amount * quantity - returned, currency: order.currency },
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
  const replacement: OrderLine = orderLine('replacement', { ...data.replacement, quantity }, order.currency);
  const { returned, difference } = exchangeDifference(order, lineId, quantity, replacement.unitPrice);
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
        returned: { lineId, sku: line.sku, quantity, amount: returned },
        replacement,
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

/** The order's totals after an exchange: the subtotal and total move by the replacement less the returned share. */
export function totalsAfterExchange(
  totals: OrderTotals,
  replacement: OrderLine,
  returned: Money,
  difference: Money,
): OrderTotals {
  return {
    ...totals,
    subtotal: {
      ...totals.subtotal,
      amount: totals.subtotal.amount + replacement.lineTotal.amount - returned.amount,
    },
    total: { ...totals.total, amount: totals.total.amount + difference.amount },
  };
}
