import type { Kysely } from 'kysely';
import { cartEventTypes } from '../../domain/carts/index.ts';
import { erasedText } from '../../domain/privacy/personal-fields.ts';
import type { CustomerErased } from '../../domain/privacy/events.ts';
import { wishlistEventTypes } from '../../domain/wishlists/index.ts';
import { erasedJson, withErasure } from '../privacy/erasure.ts';
import type { ReadModelProjection, Staged } from '../runtime/projection.ts';
import { stagedApply } from '../runtime/staged.ts';
import { createTables } from '../table-ddl.ts';
import { upsert } from '../table-writes.ts';
import { cartIdsOf, emptyCartModels, foldCarts, wishlistIdsOf, type CartModels } from './fold.ts';
import { carts, cartTables, wishlists, type CartsDatabase } from './tables.ts';

/** Cache tag of the cart and wishlist views (they are read fresh; the tag is for completeness of effects). */
export const cartsTag = 'carts';

/**
 * Carts and wishlists for the shopper's views. Per batch: one select of the carts and one of the
 * wishlists it changes, one upsert of each. On `CustomerErased` the cart's email and address read
 * `[erased]`, as a replay gives.
 */
export function cartsProjection(): ReadModelProjection<CartsDatabase> {
  const staged: Staged<CartsDatabase, CartModels> = {
    empty: emptyCartModels,
    size: (models) => models.carts.size + models.wishlists.size,
    load: (db, events, models) => load(db, cartIdsOf(events), wishlistIdsOf(events), models),
    fold(models, events) {
      const changes = foldCarts(models, events);
      return {
        writes: [upsert(carts, changes.carts), upsert(wishlists, changes.wishlists)],
        effects: { invalidate: changes.carts.length + changes.wishlists.length > 0 ? [cartsTag] : [] },
      };
    },
  };
  return withErasure(
    {
      name: 'carts',
      // 2: the cart's coupon codes (`coupon_codes`).
      version: 2,
      filter: { categories: ['cart', 'wishlist'], eventTypes: [...cartEventTypes, ...wishlistEventTypes] },
      setup: (db, schema) => createTables(db, schema, cartTables),
      staged,
      apply: stagedApply(staged),
    },
    eraseCarts,
  );
}

async function eraseCarts(db: Kysely<CartsDatabase>, erasure: CustomerErased['data']): Promise<string[]> {
  await db
    .updateTable('carts')
    .set({ email: erasedText })
    .where('subject_id', '=', erasure.customerId)
    .where('email', 'is not', null)
    .execute();
  await db
    .updateTable('carts')
    .set({ shipping_address: erasedJson('shipping_address', 'CartShippingAddressSet', 'shippingAddress.') })
    .where('subject_id', '=', erasure.customerId)
    .where('shipping_address', 'is not', null)
    .execute();
  return [cartsTag];
}

const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
const isoOrNull = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

async function load(db: Kysely<CartsDatabase>, cartIds: string[], customerIds: string[], models: CartModels) {
  const missingCarts = cartIds.filter((id) => !models.carts.has(id));
  if (missingCarts.length > 0) {
    const rows = await db.selectFrom('carts').selectAll().where('cart_id', 'in', missingCarts).execute();
    for (const row of rows) {
      models.carts.set(row.cart_id, {
        ...row,
        lines: parsed(row.lines),
        coupon_codes: parsed(row.coupon_codes),
        totals: row.totals === null ? null : parsed(row.totals),
        shipping_address: row.shipping_address === null ? null : parsed(row.shipping_address),
        consent_at: isoOrNull(row.consent_at),
        created_at: new Date(row.created_at).toISOString(),
        updated_at: new Date(row.updated_at).toISOString(),
      });
    }
  }
  const missingWishlists = customerIds.filter((id) => !models.wishlists.has(id));
  if (missingWishlists.length > 0) {
    const rows = await db
      .selectFrom('wishlists')
      .selectAll()
      .where('customer_id', 'in', missingWishlists)
      .execute();
    for (const row of rows) {
      models.wishlists.set(row.customer_id, {
        ...row,
        items: parsed(row.items),
        updated_at: new Date(row.updated_at).toISOString(),
      });
    }
  }
}
