/**
 * The product page, as the read API serves it; listings and search are in product-list.ts and
 * product-search.ts. Each query takes a Kysely scoped to the live generation's schema
 * (`withSchema`) and returns plain values (bigints as numbers, ISO times).
 */
import type { Kysely, Selectable } from 'kysely';
import { isoTime } from '../batch-write.ts';
import { toNumber } from '../column-types.ts';
import type { CatalogDatabase, ProductsTable } from './tables.ts';

export type ProductView = {
  productId: string;
  sku: string;
  /** Another product had this SKU first (a store from before SKUs were claimed): staff must resolve it. */
  skuConflict: boolean;
  name: string;
  description: string;
  brand: string;
  category: string;
  attributes: Record<string, string>;
  allowBackorder: boolean;
  status: 'active' | 'discontinued';
  discontinuedReason: string | null;
  price: { amount: number; currency: string };
  priceSince: string;
  /** EU Omnibus reference price (see `omnibus.ts`); null when no earlier price applied. */
  lowestPrice30d: { amount: number; currency: string } | null;
  stock: { onHand: number; reserved: number; available: number; backordered: number; inStock: boolean };
  createdAt: string;
  updatedAt: string;
  revision: number;
};

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

type ProductRow = Pick<Selectable<ProductsTable>, (typeof productColumns)[number]>;

/** Maps a `products` row selected with `productColumns` to its API shape. */
function toProductView(row: ProductRow): ProductView {
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
    price: { amount: toNumber(row.price_amount), currency: row.currency },
    priceSince: isoTime(row.price_since),
    lowestPrice30d:
      row.lowest_price_30d === null
        ? null
        : { amount: toNumber(row.lowest_price_30d), currency: row.currency },
    stock: {
      onHand: row.on_hand,
      reserved: row.reserved,
      available: row.available,
      backordered: row.backordered,
      inStock: row.in_stock,
    },
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
    revision: row.revision,
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
