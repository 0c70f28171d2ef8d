import { money } from '../money.ts';
import type { LegacyOrderTotals, OrderTaxDetail, OrderTotals } from './events.ts';

/** The tax detail of an order placed before tax was computed: empty, and marked unknown. */
export function unknownTaxDetail(currency: string): OrderTaxDetail {
  const none = money(0, currency);
  return {
    known: false,
    regionId: null,
    included: false,
    rounding: 'line',
    lines: [],
    shipping: { rateBps: 0, taxable: none, tax: none },
    total: none,
  };
}

/**
 * An order's totals in the current shape. The log is immutable: an order placed before the price
 * pipeline keeps its legacy totals, read as no discount, no tax added, and a tax breakdown marked
 * unknown (its shipping was the client's figure, kept as it was).
 */
export function pricedTotals(totals: OrderTotals | LegacyOrderTotals): OrderTotals {
  if ('taxDetail' in totals) return totals;
  const { currency } = totals.total;
  return {
    subtotal: totals.subtotal,
    discountTotal: money(0, currency),
    discounts: [],
    shipping: totals.shipping,
    tax: money(0, currency),
    taxDetail: unknownTaxDetail(currency),
    shippingMethod: null,
    total: totals.total,
  };
}
