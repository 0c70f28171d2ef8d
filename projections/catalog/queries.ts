/**
 * The product page, as the read API serves it; listings and search are in product-list.ts and
 * product-search.ts. Each query takes a Kysely scoped to the live generation's schema
 * (`withSchema`) and returns plain values (bigints as numbers, ISO times).
 */
import type { Kysely } from 'kysely';
import { isoTime } from '../batch-write.ts';
import { toNumber } from '../column-types.ts';
import type { ProductModel } from './fold.ts';
import type { PriceEntry } from './omnibus.ts';
import { productColumns, productModelOf, type ProductColumnsRow } from './product-row.ts';
import type { CatalogDatabase } from './tables.ts';

/** The product as the read API shows it: the fold's model with price and stock grouped. */
export type ProductView = Omit<
  ProductModel,
  'priceAmount' | 'currency' | 'lowestPrice30d' | 'onHand' | 'reserved' | 'backordered'
> & {
  price: { amount: number; currency: string };
  /** EU Omnibus reference price (see `omnibus.ts`); null when no earlier price applied. */
  lowestPrice30d: { amount: number; currency: string } | null;
  stock: { onHand: number; reserved: number; available: number; backordered: number; inStock: boolean };
};

/** A `products` row selected with `productColumns` in its API shape (keys in the order clients see). */
function toProductView(row: ProductColumnsRow): ProductView {
  const {
    priceAmount,
    currency,
    priceSince,
    lowestPrice30d,
    onHand,
    reserved,
    backordered,
    createdAt,
    updatedAt,
    revision,
    ...described
  } = productModelOf(row);
  return {
    ...described,
    price: { amount: priceAmount, currency },
    priceSince,
    lowestPrice30d: lowestPrice30d === null ? null : { amount: lowestPrice30d, currency },
    stock: { onHand, reserved, available: row.available, backordered, inStock: row.in_stock },
    createdAt,
    updatedAt,
    revision,
  };
}

export type PriceHistoryEntry = {
  revision: number;
  kind: 'created' | 'changed';
  oldAmount: number | null;
  newAmount: number;
  currency: string;
  reason: string | null;
  actor: { id: string; role: string };
  at: string;
};

/** Every price the product had, oldest first. */
async function priceHistory(db: Kysely<CatalogDatabase>, productId: string): Promise<PriceHistoryEntry[]> {
  const rows = await db
    .selectFrom('price_history')
    .selectAll()
    .where('product_id', '=', productId)
    .orderBy('revision')
    .execute();
  return rows.map((row) => ({
    revision: row.revision,
    kind: row.kind,
    oldAmount: toNumber(row.old_amount),
    newAmount: toNumber(row.new_amount),
    currency: row.currency,
    reason: row.reason,
    actor: { id: row.actor_id, role: row.actor_role },
    at: isoTime(row.changed_at),
  }));
}

/** A product's price now and every price it had, for the Omnibus reference of a promotion. */
export type ProductPriceEntries = {
  productId: string;
  /** What promotions target a product by (a category or brand promotion applies to it). */
  category: string;
  brand: string;
  price: { amount: number; currency: string };
  /** Oldest first: the launch price, then each change, each from its `at` until the next. */
  entries: PriceEntry[];
};

/** The product's price now and its price history as `lowestPriceBefore` takes it; null if unknown. */
export async function productPriceEntries(
  db: Kysely<CatalogDatabase>,
  productId: string,
): Promise<ProductPriceEntries | null> {
  const product = await db
    .selectFrom('products')
    .select(['price_amount', 'currency', 'category', 'brand'])
    .where('product_id', '=', productId)
    .executeTakeFirst();
  if (product === undefined) return null;
  const rows = await db
    .selectFrom('price_history')
    .select(['new_amount', 'changed_at'])
    .where('product_id', '=', productId)
    .orderBy('revision')
    .execute();
  return {
    productId,
    category: product.category,
    brand: product.brand,
    price: { amount: toNumber(product.price_amount), currency: product.currency },
    entries: rows.map((row) => ({ amount: toNumber(row.new_amount), at: isoTime(row.changed_at) })),
  };
}

export type LocationAvailability = {
  location: string;
  locationName: string | null;
  onHand: number;
  reserved: number;
  available: number;
  backordered: number;
};

/** Stock of a product's SKU per location, and in total. */
async function availability(
  db: Kysely<CatalogDatabase>,
  sku: string,
): Promise<{
  locations: LocationAvailability[];
  total: Omit<LocationAvailability, 'location' | 'locationName'>;
}> {
  const rows = await db
    .selectFrom('availability as a')
    .leftJoin('locations as l', 'l.location_id', 'a.location')
    .select(['a.location', 'l.name', 'a.on_hand', 'a.reserved', 'a.available', 'a.backordered'])
    .where('a.sku', '=', sku)
    .orderBy('a.location')
    .execute();
  const locations = rows.map((row) => ({
    location: row.location,
    locationName: row.name,
    onHand: row.on_hand,
    reserved: row.reserved,
    available: row.available,
    backordered: row.backordered,
  }));
  const total = { onHand: 0, reserved: 0, available: 0, backordered: 0 };
  for (const l of locations) {
    total.onHand += l.onHand;
    total.reserved += l.reserved;
    total.available += l.available;
    total.backordered += l.backordered;
  }
  return { locations, total };
}

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
  const row = await db
    .selectFrom('products')
    .select(productColumns)
    .where('product_id', '=', productId)
    .executeTakeFirst();
  if (row === undefined) return null;
  const product = toProductView(row);
  const [history, stock] = await Promise.all([priceHistory(db, productId), availability(db, product.sku)]);
  return { ...product, priceHistory: history, availability: stock };
}

export type SkuConflictView = {
  sku: string;
  /** The product that had the SKU first: the one stock and orders of the SKU are taken to belong to. */
  heldBy: string | null;
  productId: string;
  name: string;
  status: 'active' | 'discontinued';
  createdAt: string;
};

/**
 * Products created with a SKU another product already had, oldest first, for staff to resolve
 * (discontinue the wrong one). Only a store from before SKUs were claimed on the write side holds any.
 */
export async function skuConflicts(db: Kysely<CatalogDatabase>, limit: number): Promise<SkuConflictView[]> {
  const rows = await db
    .selectFrom('products as p')
    .leftJoin('products as holder', (join) =>
      join.onRef('holder.sku', '=', 'p.sku').on('holder.sku_conflict', '=', false),
    )
    .select(['p.sku', 'holder.product_id as held_by', 'p.product_id', 'p.name', 'p.status', 'p.created_at'])
    .where('p.sku_conflict', '=', true)
    .orderBy('p.created_at')
    .orderBy('p.product_id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    sku: row.sku,
    heldBy: row.held_by,
    productId: row.product_id,
    name: row.name,
    status: row.status,
    createdAt: isoTime(row.created_at),
  }));
}

/** What a cart or wishlist line compares with: each product's price, status and stock now. */
export type ProductNowView = {
  productId: string;
  name: string;
  price: { amount: number; currency: string };
  status: 'active' | 'discontinued';
  available: number;
  allowBackorder: boolean;
};

/** The products named, as they are now (absent ids are left out). */
export async function productsNow(
  db: Kysely<CatalogDatabase>,
  productIds: readonly string[],
): Promise<ProductNowView[]> {
  if (productIds.length === 0) return [];
  const rows = await db
    .selectFrom('products')
    .select(['product_id', 'name', 'price_amount', 'currency', 'status', 'available', 'allow_backorder'])
    .where('product_id', 'in', [...productIds])
    .execute();
  return rows.map((row) => ({
    productId: row.product_id,
    name: row.name,
    price: { amount: toNumber(row.price_amount), currency: row.currency },
    status: row.status,
    available: toNumber(row.available),
    allowBackorder: row.allow_backorder,
  }));
}
