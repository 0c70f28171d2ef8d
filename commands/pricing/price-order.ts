import type { Money } from '../../domain/money.ts';
import { taxBasis, withTax, type PricingConfig } from '../../domain/pricing/compute-breakdown.ts';
import type {
  AppliedDiscount,
  PriceBreakdown,
  PricingRequest,
} from '../../domain/pricing/price-breakdown.ts';
import { shippingDecider } from '../../domain/shipping/index.ts';
import { taxDecider } from '../../domain/tax/index.ts';
import { shippingConfigStream, taxConfigStream } from '../../domain/streams.ts';
import type { TaxProvider } from '../../ports/tax.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { tableTaxProvider } from './table-tax-provider.ts';
import { loadRecent } from '../runtime/recent-state.ts';

/**
 * The discount stage of the price pipeline: given the request and its subtotal, the discounts
 * that apply. Promotions plug theirs in here (one function, passed where the pipeline is built);
 * until then `noDiscounts` applies none. The pipeline trims whatever passes the subtotal.
 */
export type DiscountStage = ((request: PricingRequest, subtotal: Money) => Promise<AppliedDiscount[]>) & {
  /**
   * Starts the stage's reads for a request with these codes for this customer, before the request
   * itself is known (an order placement knows its prices only once it is decided, queued behind
   * the other placements on its products), and answers a stage that prices such requests from them.
   */
  prepare?: (couponCodes: readonly string[], customerId: string | null) => DiscountStage;
};

export const noDiscounts: DiscountStage = async () => [];

/**
 * The shipping and tax configuration (two small streams, cached): this process's changes at once,
 * another process's within `RECENT_STATE_MS` (recent-state.ts).
 */
export async function loadPricingConfig(runtime: CommandRuntime): Promise<PricingConfig> {
  const [shipping, tax] = await Promise.all([
    loadRecent(runtime, shippingDecider, shippingConfigStream()),
    loadRecent(runtime, taxDecider, taxConfigStream()),
  ]);
  return { shipping: shipping.state, tax: tax.state };
}

/**
 * Prices a request: subtotal from its lines' unit prices, the discount stage's discounts, then
 * shipping by `taxBasis`, tax from the tax port's adapter (the shop's table unless another is
 * given) and the total by `withTax`. Carts, quotes and order placement all call this,
 * so a quote and the order it becomes are priced the same way.
 */
export async function priceOrder(
  config: PricingConfig,
  request: PricingRequest,
  discountStage: DiscountStage = noDiscounts,
  /** The tax port's adapter; the shop's own table (`config.tax`) by default. */
  taxProvider: TaxProvider = tableTaxProvider(config.tax),
): Promise<PriceBreakdown> {
  const subtotal = request.lines.reduce((a, l) => a + l.unitPrice.amount * l.quantity, 0);
  const discounts = await discountStage(request, { amount: subtotal, currency: request.currency });
  const basis = taxBasis(request, discounts, config);
  const taxed = basis.address
    ? await taxProvider.calculate({
        currency: request.currency,
        address: basis.address,
        lines: basis.taxable,
        shipping: basis.shipping,
        at: request.at,
      })
    : null;
  return withTax(basis, taxed);
}
