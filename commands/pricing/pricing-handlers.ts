import { productDecider, type ProductState } from '../../domain/catalog/index.ts';
import type { Address } from '../../domain/orders/index.ts';
import type { PriceBreakdown, PricingRequest } from '../../domain/pricing/price-breakdown.ts';
import {
  shippingDecider,
  shippingOptions,
  type ShippingOption,
  type ShippingZone,
} from '../../domain/shipping/index.ts';
import { taxDecider, type TaxRegion, type TaxRounding } from '../../domain/tax/index.ts';
import { productStream, shippingConfigStream, taxConfigStream } from '../../domain/streams.ts';
import type { TaxProvider } from '../../ports/tax.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { toResult, type CommandResult } from '../runtime/command-result.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { asStepDecider } from '../runtime/steps.ts';
import { customerFacts } from './customer-facts.ts';
import { unknownCustomerHistory, type CustomerHistory } from './customer-history.ts';
import { noPriceLists, priceFromLists, type ActivePriceListIds } from './price-lists.ts';
import { runtimeLoad } from './stream-load.ts';
import { loadPricingConfig, noDiscounts, priceOrder, type DiscountStage } from './price-order.ts';
import { activeProduct, pricingLine } from './product-pricing.ts';

/** Where a parcel goes, as far as zones care. */
export type ShippingPlace = Pick<Address, 'country' | 'region' | 'postalCode'>;

/** What a quote (and the shipping options) is asked for: products by id, the rest as a cart has it. */
export interface QuoteInput {
  currency: string;
  lines: { productId: string; quantity: number }[];
  shippingAddress: Address | null;
  shippingMethodId: string | null;
  couponCodes: string[];
  customerId: string | null;
  channel: string | null;
}

/**
 * The shipping and tax configuration (`shipping-shop`, `tax-shop`) and the pipeline's read side:
 * quotes and shipping options, priced from the catalog as it is now.
 */
export function pricingHandlers(
  runtime: CommandRuntime,
  discountStage: DiscountStage = noDiscounts,
  /** The tax port's adapter; the shop's own table when none is given. */
  taxProvider?: TaxProvider,
  /** The buyer's side of a quote: past orders (first order) and the price lists. */
  buyers: { history: CustomerHistory; priceLists: ActivePriceListIds } = {
    history: unknownCustomerHistory,
    priceLists: noPriceLists,
  },
) {
  const load = runtimeLoad(runtime);
  const shipping = (command: Parameters<typeof shippingDecider.decide>[0], context: CommandContext) =>
    handleCommand(runtime, shippingDecider, shippingConfigStream(), command, context).then(toResult);
  const tax = (command: Parameters<typeof taxDecider.decide>[0], context: CommandContext) =>
    handleCommand(runtime, taxDecider, taxConfigStream(), command, context).then(toResult);

  /**
   * The request the pipeline prices: each product's price now (the buyer's price list's, else the
   * catalog's), weight and tax class, and the customer's facts as a cart or an order reads them.
   */
  async function pricingRequest(input: QuoteInput, now: string): Promise<PricingRequest> {
    const customer =
      input.customerId === null ? null : await customerFacts(load, buyers.history, input.customerId);
    const base = await Promise.all(
      input.lines.map(async (line) => {
        const state = await load<ProductState>(productStream(line.productId), asStepDecider(productDecider));
        return pricingLine(activeProduct(state, line.productId), line.quantity);
      }),
    );
    const lines = await priceFromLists(
      load,
      buyers.priceLists,
      { currency: input.currency, groups: customer?.groups ?? [] },
      base,
    );
    return {
      currency: input.currency,
      lines,
      shippingAddress: input.shippingAddress,
      shippingMethodId: input.shippingMethodId,
      customer,
      couponCodes: input.couponCodes,
      channel: input.channel,
      at: now,
    };
  }

  return {
    setShippingZone: (zone: ShippingZone, context: CommandContext): Promise<CommandResult> =>
      shipping({ type: 'SetShippingZone', data: { zone } }, context),
    removeShippingZone: (zoneId: string, context: CommandContext): Promise<CommandResult> =>
      shipping({ type: 'RemoveShippingZone', data: { zoneId } }, context),
    setTaxRegion: (region: TaxRegion, context: CommandContext): Promise<CommandResult> =>
      tax({ type: 'SetTaxRegion', data: { region } }, context),
    removeTaxRegion: (regionId: string, context: CommandContext): Promise<CommandResult> =>
      tax({ type: 'RemoveTaxRegion', data: { regionId } }, context),
    setTaxRounding: (rounding: TaxRounding, context: CommandContext): Promise<CommandResult> =>
      tax({ type: 'SetTaxRounding', data: { rounding } }, context),

    /** The breakdown an order with these lines, address and method would get now. */
    async quotePrice(input: QuoteInput, now: string): Promise<PriceBreakdown> {
      const [config, request] = await Promise.all([loadPricingConfig(runtime), pricingRequest(input, now)]);
      return priceOrder(config, request, discountStage, taxProvider);
    },

    /** The methods that ship these lines to the address, each with its fee and delivery estimate. */
    async shippingOptions(
      input: Omit<QuoteInput, 'shippingMethodId' | 'shippingAddress'> & { where: ShippingPlace },
      now: string,
    ): Promise<ShippingOption[]> {
      const [config, request] = await Promise.all([
        loadPricingConfig(runtime),
        // Without an address: only the subtotal and the discounts matter to the fees.
        pricingRequest({ ...input, shippingAddress: null, shippingMethodId: null }, now),
      ]);
      const priced = await priceOrder(config, request, discountStage, taxProvider);
      const options = shippingOptions(config.shipping, input.where, {
        currency: input.currency,
        subtotal: priced.subtotal.amount - priced.discountTotal.amount,
        weightGrams: request.lines.reduce((w, l) => w + (l.weightGrams ?? 0) * l.quantity, 0),
      });
      // A free-shipping discount makes every method free, as the pipeline would price it.
      return priced.discounts.some((d) => d.freeShipping) ? options.map((o) => ({ ...o, fee: 0 })) : options;
    },
  };
}
