import { productDecider } from '../../domain/catalog/index.ts';
import { skuClaimDecider } from '../../domain/sku-claims/index.ts';
import { productStream, skuStream } from '../../domain/streams.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { pricingLine } from '../pricing/product-pricing.ts';

/**
 * What a parcel of these units weighs, in grams, from each product's weight: what a carrier prices
 * a label by, out (a shipment) or back (a return). A SKU without a product or a weight counts 0.
 */
export async function parcelWeightGrams(
  runtime: CommandRuntime,
  units: readonly { sku: string; quantity: number }[],
): Promise<number> {
  const weights = await Promise.all(
    units.map(async ({ sku, quantity }) => {
      const claim = await loadAggregate(runtime.store, skuClaimDecider, skuStream(sku), runtime.cache, false);
      if (claim.state.status !== 'claimed') return 0;
      const product = await loadAggregate(
        runtime.store,
        productDecider,
        productStream(claim.state.productId),
        runtime.cache,
        false,
      );
      return product.state.status === 'absent'
        ? 0
        : (pricingLine(product.state.product, quantity).weightGrams ?? 0) * quantity;
    }),
  );
  return weights.reduce((a, b) => a + b, 0);
}
