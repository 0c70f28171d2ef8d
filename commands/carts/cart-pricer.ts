import type { CartTotals, CouponCheck } from '../../domain/carts/index.ts';
import type { NotApplied } from '../../domain/promotions/index.ts';
import type { PriceBreakdown, PricingRequest } from '../../domain/pricing/price-breakdown.ts';
import { loadPricingConfig, priceOrder, type DiscountStage } from '../pricing/price-order.ts';
import type { TaxProvider } from '../../ports/tax.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import type { ExplainingStage } from '../promotions/discount-stage.ts';

/**
 * The port a cart's totals come from: the price pipeline (`domain/pricing/price-breakdown.ts`),
 * run on the cart as it stands after each change (`pipelineCartPricer`).
 */
export type CartPricer = (request: PricingRequest) => Promise<PricedCart>;

/**
 * The breakdown, with what the promotions' stage said of the rest when it can explain itself:
 * the promotions that did not apply and why, and the entered codes that name no promotion.
 */
export type PricedCart = PriceBreakdown & {
  notApplied?: readonly NotApplied[];
  unknownCodes?: readonly string[];
};

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
  const explain = (discountStage as Partial<ExplainingStage> | undefined)?.explain;
  return async (request) => {
    if (!explain) return priceOrder(await loadPricingConfig(runtime), request, discountStage, taxProvider);
    // One evaluation gives both the discounts the pipeline applies and the explanation of the rest.
    // It needs only the request, so it reads its streams while the configuration is read: asked
    // for together, those reads share their round trips (infra/event-store/sql/batched-stream-reads.ts).
    const [config, explained] = await Promise.all([loadPricingConfig(runtime), explain(request)]);
    const breakdown = await priceOrder(
      config,
      request,
      () => Promise.resolve(explained.applied),
      taxProvider,
    );
    const { notApplied = [], unknownCodes = [] } = explained;
    return { ...breakdown, notApplied, unknownCodes };
  };
}

/** Whether `code` (normalized) gave the priced cart a discount, or why not. */
export function couponCheck(priced: PricedCart, code: string): CouponCheck {
  if (priced.discounts.some((discount) => discount.code === code)) return { applies: true };
  const refused = priced.notApplied?.find((entry) => entry.code === code);
  if (refused) return { applies: false, reason: refused.reason, detail: refused.detail };
  return { applies: false, reason: 'unknown', detail: 'no promotion has this code' };
}

/** The breakdown as the cart's events record it (plain JSON, only what the view shows). */
export function toCartTotals(breakdown: PricedCart): CartTotals {
  const notApplied = (breakdown.notApplied ?? []).map(({ promotionId, code, reason, detail }) => ({
    promotionId,
    code,
    reason,
    detail,
  }));
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
    ...(notApplied.length > 0 ? { notApplied } : {}),
  };
}
