import { sql, type Kysely, type Selectable } from 'kysely';
import { isoTime as iso } from '../batch-write.ts';
import type { ProductNowView } from '../catalog/queries.ts';
import { lineChanges } from './line-changes.ts';
import type { CartsDatabase, CartsTable } from './tables.ts';

/** Who reads a cart: its customer, or whoever holds a guest cart's secret. */
export type CartReader = { customerId: string } | { secret: string };

const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * The cart row if `reader` may see it, else null (no such cart and not yours answer alike). The
 * secret is compared as its SHA-256, the form the write side stored.
 */
export async function cartRow(db: Kysely<CartsDatabase>, cartId: string, reader: CartReader) {
  let query = db.selectFrom('carts').selectAll().where('cart_id', '=', cartId);
  query =
    'customerId' in reader
      ? query.where('customer_id', '=', reader.customerId)
      : query.where(
          'secret_hash',
          '=',
          sql<string>`encode(sha256(convert_to(${reader.secret}, 'UTF8')), 'hex')`,
        );
  return (await query.executeTakeFirst()) ?? null;
}

/** The product ids a cart row's lines name, for the catalog read that `cartView` compares with. */
export const cartProductIds = (row: Selectable<CartsTable>) =>
  parsed(row.lines).map((line) => line.productId);

/**
 * The cart as the shopper sees it: lines with what changed since each was added, the totals the
 * server computed at the last change, email, address and method.
 */
export function cartView(row: Selectable<CartsTable>, products: readonly ProductNowView[]) {
  const byId = new Map(products.map((product) => [product.productId, product]));
  const consent =
    row.marketing_consent === null
      ? null
      : {
          granted: row.marketing_consent,
          source: row.consent_source,
          at: row.consent_at === null ? null : iso(row.consent_at),
        };
  return {
    cartId: row.cart_id,
    owner: row.customer_id === null ? ('guest' as const) : ('customer' as const),
    customerId: row.customer_id,
    status: row.status,
    currency: row.currency,
    lines: parsed(row.lines).map((line) => ({
      productId: line.productId,
      sku: line.sku,
      name: byId.get(line.productId)?.name ?? null,
      quantity: line.quantity,
      unitPrice: { amount: line.unitPrice, currency: row.currency },
      currentPrice: byId.has(line.productId) ? byId.get(line.productId)!.price : null,
      addedAt: iso(line.addedAt),
      changes: lineChanges(line, byId.get(line.productId)),
    })),
    email: row.email === null ? null : { address: row.email, marketingConsent: consent },
    shippingAddress: row.shipping_address === null ? null : parsed(row.shipping_address),
    shippingMethodId: row.shipping_method_id,
    couponCodes: parsed(row.coupon_codes),
    totals: row.totals === null ? null : parsed(row.totals),
    orderId: row.order_id,
    mergedInto: row.merged_into,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** A customer's carts, newest change first (the open one is what a storefront shows). */
export async function customerCarts(db: Kysely<CartsDatabase>, customerId: string, limit = 20) {
  const rows = await db
    .selectFrom('carts')
    .select(['cart_id', 'status', 'currency', 'totals', 'updated_at'])
    .where('customer_id', '=', customerId)
    .orderBy('updated_at', 'desc')
    .orderBy('cart_id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    cartId: row.cart_id,
    status: row.status,
    currency: row.currency,
    total: row.totals === null ? null : parsed(row.totals).total,
    updatedAt: iso(row.updated_at),
  }));
}

/** A customer's wishlist product ids, in the order they were added (empty when it has none). */
export async function wishlistItems(db: Kysely<CartsDatabase>, customerId: string) {
  const row = await db
    .selectFrom('wishlists')
    .select('items')
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  return row ? parsed(row.items) : [];
}

/** The wishlist with each product's price and availability now. */
export function wishlistView(
  items: readonly { productId: string; addedAt: string }[],
  products: readonly ProductNowView[],
) {
  const byId = new Map(products.map((product) => [product.productId, product]));
  return {
    items: items.map((item) => {
      const product = byId.get(item.productId);
      return {
        productId: item.productId,
        name: product?.name ?? null,
        price: product?.price ?? null,
        status: product?.status ?? null,
        available: product ? (product.allowBackorder ? null : Math.max(0, product.available)) : null,
        addedAt: iso(item.addedAt),
      };
    }),
  };
}
