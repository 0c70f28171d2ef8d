/**
 * A `products` row read back, mapped once: the projection's batch load folds on the model this
 * gives, and the read API's product view (`queries.ts`) is built from the same model, so a column
 * is turned into a model field in one place only.
 */
import type { Selectable } from 'kysely';
import { isoTime } from '../batch-write.ts';
import { toNumber } from '../column-types.ts';
import { stockQuantitiesOf } from '../inventory/stock-columns.ts';
import type { ProductModel } from './fold.ts';
import type { ProductsTable } from './tables.ts';

/**
 * The columns of `products` a listing, a detail or the projection's batch load needs (all but the
 * search internals).
 */
export const productColumns = [
  'product_id',
  'sku',
  'sku_conflict',
  'name',
  'description',
  'brand',
  'category',
  'attributes',
  'allow_backorder',
  'status',
  'discontinued_reason',
  'price_amount',
  'currency',
  'price_since',
  'lowest_price_30d',
  'on_hand',
  'reserved',
  'available',
  'backordered',
  'in_stock',
  'created_at',
  'updated_at',
  'revision',
] as const;

/** A `products` row selected with `productColumns`. */
export type ProductColumnsRow = Pick<Selectable<ProductsTable>, (typeof productColumns)[number]>;

/** The fold's model of a product row (bigints as numbers, ISO times). */
export function productModelOf(row: ProductColumnsRow): ProductModel {
  return {
    productId: row.product_id,
    sku: row.sku,
    skuConflict: row.sku_conflict,
    name: row.name,
    description: row.description,
    brand: row.brand,
    category: row.category,
    attributes: row.attributes,
    allowBackorder: row.allow_backorder,
    status: row.status,
    discontinuedReason: row.discontinued_reason,
    priceAmount: toNumber(row.price_amount),
    currency: row.currency,
    priceSince: isoTime(row.price_since),
    lowestPrice30d: toNumber(row.lowest_price_30d),
    ...stockQuantitiesOf(row),
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
    revision: row.revision,
  };
}
