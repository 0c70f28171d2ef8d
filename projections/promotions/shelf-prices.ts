import { unitPriceUnder } from '../../domain/promotions/index.ts';
import type { ProductPriceEntries } from '../catalog/queries.ts';
import { lowestPriceBefore } from '../catalog/omnibus.ts';
import type { ActivePromotionRow } from './queries.ts';

type Money = { amount: number; currency: string };

/** A product's price under one promotion, with the EU Omnibus reference the reduction is shown against. */
export type ProductPriceUnder = {
  /** The product's price now, before the promotion. */
  regular: Money;
  /** One unit under the promotion's action. */
  price: Money;
  /**
   * The "was" price: the lowest price the product had during the 30 days before `reducedSince`
   * (the promotion's start, not now), from its price history; null when it had no price then.
   */
  was: Money | null;
  /** When the promotion's reduction began: the later of its window's start and its last activation. */
  reducedSince: string;
};

/**
 * The storefront's active promotions for a product page: each item-level promotion (percent or
 * fixed off each matching unit, a flash sale) with the product's price under it and its "was"
 * price. `product` is the catalog's price history of the product asked about; without it (no
 * product asked, or none known) and for other actions `productPrice` is null.
 */
export function withProductPrices(rows: readonly ActivePromotionRow[], product: ProductPriceEntries | null) {
  return rows.map(({ definition, reducedSince, ...promotion }) => ({
    ...promotion,
    productPrice: product ? priceUnder(definition, reducedSince, product) : null,
  }));
}

function priceUnder(
  definition: ActivePromotionRow['definition'],
  reducedSince: string,
  product: ProductPriceEntries,
): ProductPriceUnder | null {
  const price = unitPriceUnder(definition, product.price);
  if (price === null) return null;
  const was = lowestPriceBefore(product.entries, reducedSince);
  return {
    regular: product.price,
    price,
    was: was === null ? null : { amount: was, currency: product.price.currency },
    reducedSince,
  };
}
