import type { CartTotals } from '../../domain/carts/index.ts';
import { multiply, sum, zero } from '../../domain/money.ts';
import type { PriceBreakdown, PricingRequest } from '../../domain/pricing/price-breakdown.ts';

/**
 * The port a cart's totals come from: the price pipeline (`domain/pricing/price-breakdown.ts`),
 * run on the cart as it stands after each change. The composition root gives the real pipeline.
 */
export type CartPricer = (request: PricingRequest) => Promise<PriceBreakdown>;

/**
 * Prices from the catalog alone: the subtotal of the lines' unit prices, with no discount, no
 * shipping and no tax. It stands in until the price pipeline (shipping, tax, promotions) is wired
 * into the composition root in its place; it never makes up a fee or a rate.
 */
export const catalogOnlyPricer: CartPricer = (request) => {
  const { currency } = request;
  const subtotal = sum(
    currency,
    request.lines.map((line) => multiply(line.unitPrice, line.quantity)),
  );
  return Promise.resolve({
    currency,
    subtotal,
    discounts: [],
    discountTotal: zero(currency),
    shipping: zero(currency),
    tax: zero(currency),
    total: subtotal,
  });
};

/** The breakdown as the cart's events record it (plain JSON, only what the view shows). */
export function toCartTotals(breakdown: PriceBreakdown): CartTotals {
  return {
    subtotal: breakdown.subtotal,
    discounts: breakdown.discounts.map((discount) => ({
      promotionId: discount.promotionId,
      code: discount.code,
      label: discount.label,
      amount: discount.amount,
    })),
    discountTotal: breakdown.discountTotal,
    shipping: breakdown.shipping,
    tax: breakdown.tax,
    total: breakdown.total,
  };
}
