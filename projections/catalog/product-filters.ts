import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CatalogDatabase } from './tables.ts';

/** What a listing or a search narrows to. Prices in minor units. */
export interface ProductFilters {
  categories?: readonly string[] | undefined;
  brands?: readonly string[] | undefined;
  /** One SKU (unique among the products shown: `products_sku_key`). */
  sku?: string | undefined;
  minPrice?: number | undefined;
  maxPrice?: number | undefined;
  /** Every pair must match (`{ color: 'red', size: 'M' }`). */
  attributes?: Readonly<Record<string, string>> | undefined;
  inStock?: boolean | undefined;
}

type Products = ExpressionBuilder<CatalogDatabase, 'products'>;

/**
 * The filters as one condition over `products`, shared by listings and search (and therefore by
 * search facets, which count over the filtered result set). Discontinued products are never shown,
 * nor products whose SKU another product had first: which one the SKU's stock belongs to is for
 * staff to resolve (see `/staff/sku-conflicts`).
 */
export function productFilter(filters: ProductFilters) {
  return (eb: Products): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [eb('status', '=', 'active'), eb('sku_conflict', '=', false)];
    if (filters.categories?.length) conditions.push(eb('category', 'in', [...filters.categories]));
    if (filters.brands?.length) conditions.push(eb('brand', 'in', [...filters.brands]));
    if (filters.sku !== undefined) conditions.push(eb('sku', '=', filters.sku));
    if (filters.minPrice !== undefined) conditions.push(eb('price_amount', '>=', filters.minPrice));
    if (filters.maxPrice !== undefined) conditions.push(eb('price_amount', '<=', filters.maxPrice));
    if (filters.attributes && Object.keys(filters.attributes).length > 0) {
      // `@>` on jsonb uses the GIN (jsonb_path_ops) index.
      conditions.push(sql<SqlBool>`${eb.ref('attributes')} @> ${JSON.stringify(filters.attributes)}::jsonb`);
    }
    if (filters.inStock !== undefined) conditions.push(eb('in_stock', '=', filters.inStock));
    return eb.and(conditions);
  };
}

/** The columns a product card shows, in listings and search results alike. */
export const summaryColumns = [
  'product_id',
  'sku',
  'name',
  'brand',
  'category',
  'attributes',
  'price_amount',
  'currency',
  'lowest_price_30d',
  'available',
  'in_stock',
  'allow_backorder',
  'created_at',
] as const;

export interface SummaryRow {
  product_id: string;
  sku: string;
  name: string;
  brand: string;
  category: string;
  attributes: Record<string, string>;
  price_amount: string | number;
  currency: string;
  lowest_price_30d: string | number | null;
  available: number;
  in_stock: boolean;
  allow_backorder: boolean;
  created_at: Date;
}

export interface ProductSummary {
  productId: string;
  sku: string;
  name: string;
  brand: string;
  category: string;
  attributes: Record<string, string>;
  price: { amount: number; currency: string };
  /** EU Omnibus reference: the lowest price of the 30 days before the current one took effect. */
  lowestPrice30d: { amount: number; currency: string } | null;
  available: number;
  inStock: boolean;
  allowBackorder: boolean;
  createdAt: string;
}

export function toSummary(row: SummaryRow): ProductSummary {
  return {
    productId: row.product_id,
    sku: row.sku,
    name: row.name,
    brand: row.brand,
    category: row.category,
    attributes: row.attributes,
    price: { amount: Number(row.price_amount), currency: row.currency },
    lowestPrice30d:
      row.lowest_price_30d === null ? null : { amount: Number(row.lowest_price_30d), currency: row.currency },
    available: row.available,
    inStock: row.in_stock,
    allowBackorder: row.allow_backorder,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
