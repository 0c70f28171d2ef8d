/** The carts read model's tables (schema `rm_carts_g<generation>`). */
import type { CartTotals } from '../../domain/carts/index.ts';
import type { Address } from '../../domain/orders/events.ts';
import { col, defineTable, type DatabaseOf, type KyselyTable, type WriteRow } from '../table-declaration.ts';

/** A line as the cart view shows it, with the price and availability seen when it was added or changed. */
export type CartLineEntry = {
  productId: string;
  sku: string;
  quantity: number;
  unitPrice: number;
  available: number | null;
  addedAt: string;
};

/**
 * One row per cart. The guest's secret is kept only as its SHA-256 (hex), which the query compares
 * with the hash of the secret presented. `email` and `shipping_address` are personal data,
 * anonymised on the subject's erasure.
 */
export const carts = defineTable({
  name: 'carts',
  columns: {
    cart_id: col.text(),
    customer_id: col.text().nullable(),
    subject_id: col.text(),
    secret_hash: col.text().nullable(),
    currency: col.text(),
    status: col.text<'open' | 'merged' | 'checked_out'>(),
    lines: col.jsonb<CartLineEntry[]>(),
    email: col.text().nullable(),
    marketing_consent: col.boolean().nullable(),
    consent_source: col.text().nullable(),
    consent_at: col.timestamptz().nullable(),
    shipping_address: col.json<Address>().nullable(),
    shipping_method_id: col.text().nullable(),
    totals: col.jsonb<CartTotals>().nullable(),
    coupon_codes: col.jsonb<string[]>(),
    order_id: col.text().nullable(),
    merged_into: col.text().nullable(),
    reminder_sent: col.boolean(),
    created_at: col.timestamptz(),
    updated_at: col.timestamptz(),
  },
  primaryKey: ['cart_id'],
  indexes: [
    { name: 'carts_customer_idx', on: ['customer_id', 'updated_at desc'] },
    { name: 'carts_subject_idx', on: ['subject_id'] },
  ],
});

/** One row per customer's wishlist: the products in the order they were added. */
export const wishlists = defineTable({
  name: 'wishlists',
  columns: {
    customer_id: col.text(),
    items: col.jsonb<{ productId: string; addedAt: string }[]>(),
    updated_at: col.timestamptz(),
  },
  primaryKey: ['customer_id'],
});

export const cartTables = [carts, wishlists] as const;
export type CartsDatabase = DatabaseOf<typeof cartTables>;
export type CartRow = WriteRow<typeof carts>;
export type WishlistRow = WriteRow<typeof wishlists>;
export type CartsTable = KyselyTable<typeof carts>;
