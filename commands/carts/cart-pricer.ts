import type { CartTotals } from '../../domain/carts/index.ts';
import type { PriceBreakdown, PricingRequest } from '../../domain/pricing/price-breakdown.ts';
import { loadPricingConfig, priceOrder, type DiscountStage } from '../pricing/price-order.ts';
import type { TaxProvider } from '../../ports/tax.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';

/**
 * The port a cart's totals come from: the price pipeline (`domain/pricing/price-breakdown.ts`),
 * run on the cart as it stands after each change (`pipelineCartPricer`).
 */
export type CartPricer = (request: PricingRequest) => Promise<PriceBreakdown>;

/**
 * The cart's prices from the shop's price pipeline, as a quote and the order it becomes are priced:
 * the lines' unit prices, the discount stage, then shipping and tax from the shop's configuration
 * as the store holds it now (`commands/pricing/price-order.ts`).
 */
export function pipelineCartPricer(
  runtime: CommandRuntime,
  discountStage?: DiscountStage,
  taxProvider?: TaxProvider,
): CartPricer {
  return async (request) => priceOrder(await loadPricingConfig(runtime), request, discountStage, taxProvider);
}

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
