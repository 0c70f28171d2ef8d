import type { Kysely } from 'kysely';
import {
  availability,
  priceHistory,
  productDetail as productView,
  type LocationAvailability,
  type PriceHistoryEntry,
  type ProductView,
} from '../../projections/catalog/queries.ts';
import type { CatalogDatabase } from '../../projections/catalog/tables.ts';

export interface ProductDetail extends ProductView {
  priceHistory: PriceHistoryEntry[];
  availability: {
    locations: LocationAvailability[];
    total: Omit<LocationAvailability, 'location' | 'locationName'>;
  };
}

/** The product page: the product, every price it had, and its stock per location and in total. */
export async function productDetail(
  db: Kysely<CatalogDatabase>,
  productId: string,
): Promise<ProductDetail | null> {
  const product = await productView(db, productId);
  if (!product) return null;
  const [history, stock] = await Promise.all([priceHistory(db, productId), availability(db, product.sku)]);
  return { ...product, priceHistory: history, availability: stock };
}
