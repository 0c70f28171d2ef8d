import { AlreadyExists, CurrencyMismatch, ValidationFailed } from '../errors.ts';
import { add, multiply, requireMoney, subtract, sum, zero, type Money } from '../money.ts';
import {
  requireIsoTime,
  requireKey,
  requireLength,
  requireNonNegativeInt,
  requirePositiveInt,
  requireText,
  requireUnique,
} from '../validation.ts';
import type { OrderPricing, PlaceOrder } from './commands.ts';
import type { Address, OrderEvent, OrderLine, OrderTotals } from './events.ts';
import type { OrderState } from './state.ts';

export const MAX_LINES = 100;

export function placeOrder({ data }: PlaceOrder, state: OrderState): OrderEvent[] {
  if (state.status !== 'none') throw new AlreadyExists({ aggregate: 'order', id: data.orderId });
  requireKey('orderId', data.orderId);
  requireKey('customerId', data.customerId);
  zero(data.currency);
  requireKey('paymentProvider', data.paymentProvider);
  requireIsoTime('expiresAt', data.expiresAt);
  if (data.lines.length === 0) throw new ValidationFailed('lines', 'must not be empty');
  if (data.lines.length > MAX_LINES)
    throw new ValidationFailed('lines', `must have at most ${MAX_LINES} lines`);
  requireUnique(
    'lines',
    data.lines.map((l) => l.lineId),
  );
  // One line per SKU keeps one reservation per order in each stock stream.
  requireUnique(
    'lines',
    data.lines.map((l) => l.sku),
  );
  const lines = data.lines.map((line, i) => orderLine(`lines[${i}]`, line, data.currency));
  const subtotal = sum(
    data.currency,
    lines.map((l) => l.lineTotal),
  );
  const totals = orderTotals(data.pricing, subtotal, data.currency);
  return [
    {
      type: 'OrderPlaced',
      data: {
        orderId: data.orderId,
        customerId: data.customerId,
        currency: data.currency,
        lines,
        totals,
        shippingAddress: address(data.shippingAddress),
        paymentProvider: data.paymentProvider,
        expiresAt: data.expiresAt,
      },
    },
  ];
}

export function orderLine(
  path: string,
  line: PlaceOrder['data']['lines'][number],
  currency: string,
): OrderLine {
  requireKey(`${path}.lineId`, line.lineId);
  requireKey(`${path}.sku`, line.sku);
  requirePositiveInt(`${path}.quantity`, line.quantity);
  const unitPrice = inCurrency(`${path}.unitPrice`, line.unitPrice, currency);
  if (line.allocations.length === 0) throw new ValidationFailed(`${path}.allocations`, 'must not be empty');
  requireUnique(
    `${path}.allocations`,
    line.allocations.map((a) => a.location),
  );
  const allocations = line.allocations.map((a, j) => ({
    location: requireKey(`${path}.allocations[${j}].location`, a.location),
    quantity: requirePositiveInt(`${path}.allocations[${j}].quantity`, a.quantity),
  }));
  if (allocations.reduce((total, a) => total + a.quantity, 0) !== line.quantity) {
    throw new ValidationFailed(`${path}.allocations`, 'must add up to the line quantity');
  }
  return {
    lineId: line.lineId,
    sku: line.sku,
    quantity: line.quantity,
    unitPrice,
    lineTotal: multiply(unitPrice, line.quantity),
    allocations,
  };
}

/**
 * The totals from the lines' subtotal and the pipeline's figures: each in the order's currency and
 * not negative, the discounts adding up to their total and never past the subtotal, so that
 * total = subtotal − discountTotal + shipping + tax always holds and is never negative.
 */
export function orderTotals(pricing: OrderPricing, subtotal: Money, currency: string): OrderTotals {
  const discounts = pricing.discounts.map((d, i) => ({
    promotionId: requireKey(`pricing.discounts[${i}].promotionId`, d.promotionId),
    promotionVersion: requireNonNegativeInt(`pricing.discounts[${i}].promotionVersion`, d.promotionVersion),
    code: d.code === null ? null : requireText(`pricing.discounts[${i}].code`, d.code),
    label: requireText(`pricing.discounts[${i}].label`, d.label),
    amount: inCurrency(`pricing.discounts[${i}].amount`, d.amount, currency),
    lineAmounts: d.lineAmounts.map((l, j) => ({
      sku: requireKey(`pricing.discounts[${i}].lineAmounts[${j}].sku`, l.sku),
      amount: inCurrency(`pricing.discounts[${i}].lineAmounts[${j}].amount`, l.amount, currency),
    })),
    freeShipping: d.freeShipping,
    ...(d.evidence ? { evidence: d.evidence.map((e) => ({ ...e })) } : {}),
  }));
  const discountTotal = inCurrency('pricing.discountTotal', pricing.discountTotal, currency);
  if (
    sum(
      currency,
      discounts.map((d) => d.amount),
    ).amount !== discountTotal.amount
  )
    throw new ValidationFailed('pricing.discountTotal', 'must be the sum of the discounts');
  if (discountTotal.amount > subtotal.amount)
    throw new ValidationFailed('pricing.discountTotal', 'must not be more than the subtotal');
  const shipping = inCurrency('pricing.shipping', pricing.shipping, currency);
  const tax = inCurrency('pricing.tax', pricing.tax, currency);
  const detail = pricing.taxDetail;
  inCurrency('pricing.taxDetail.total', detail.total, currency);
  if (detail.known && !detail.included && detail.total.amount !== tax.amount)
    throw new ValidationFailed('pricing.tax', 'must be the tax detail’s total where tax is added');
  if (detail.included && tax.amount !== 0)
    throw new ValidationFailed('pricing.tax', 'must be 0 where prices include tax');
  return {
    subtotal,
    discountTotal,
    discounts,
    shipping,
    tax,
    taxDetail: detail,
    shippingMethod: pricing.shippingMethod,
    total: add(subtract(subtotal, discountTotal), add(shipping, tax)),
  };
}

function inCurrency(field: string, value: Money, currency: string) {
  const checked = requireMoney(field, value);
  if (checked.currency !== currency)
    throw new CurrencyMismatch({ expected: currency, actual: checked.currency });
  return checked;
}

export function address(a: Address): Address {
  const path = 'shippingAddress';
  requireText(`${path}.name`, a.name);
  requireText(`${path}.line1`, a.line1);
  if (a.line2 !== null) requireLength(`${path}.line2`, a.line2, 200);
  requireText(`${path}.city`, a.city);
  requireText(`${path}.postalCode`, a.postalCode, 20);
  if (a.region !== null) requireLength(`${path}.region`, a.region, 100);
  if (!/^[A-Z]{2}$/.test(a.country))
    throw new ValidationFailed(`${path}.country`, 'must be an ISO 3166-1 alpha-2 code');
  const { name, line1, line2, city, postalCode, region, country } = a;
  return { name, line1, line2, city, postalCode, region, country };
}
