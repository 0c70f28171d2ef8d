import { sql, type Kysely } from 'kysely';
import type { PriceListStatus } from '../../domain/price-lists/index.ts';
import { isoTime as iso } from '../batch-write.ts';
import { toNumber } from '../column-types.ts';
import type { PromotionsDatabase } from './tables.ts';

/** The ids of the active price lists: the write side reads each from its stream (`commands/pricing/price-lists.ts`). */
export async function activePriceListIds(db: Kysely<PromotionsDatabase>): Promise<string[]> {
  const rows = await db
    .selectFrom('price_lists')
    .select('price_list_id')
    .where('status', '=', 'active')
    .orderBy('price_list_id')
    .execute();
  return rows.map((r) => r.price_list_id);
}

function listsWithCounts(db: Kysely<PromotionsDatabase>) {
  return db
    .selectFrom('price_lists as l')
    .selectAll('l')
    .select((eb) =>
      eb
        .selectFrom('price_list_prices as p')
        .select(sql<string | number>`count(*)`.as('n'))
        .whereRef('p.price_list_id', '=', 'l.price_list_id')
        .where('p.removed', '=', false)
        .as('products'),
    );
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listsWithCounts>['execute']>>[number];

const summary = (row: ListRow) => ({
  priceListId: row.price_list_id,
  name: row.name,
  currency: row.currency,
  customerGroups: row.customer_groups,
  priority: row.priority,
  status: row.status,
  products: toNumber(row.products ?? 0),
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

export type PriceListSummary = ReturnType<typeof summary>;

/** Staff: the price lists, optionally of one status or currency, by currency then id. */
export async function listPriceLists(
  db: Kysely<PromotionsDatabase>,
  request: { status?: PriceListStatus | undefined; currency?: string | undefined },
): Promise<PriceListSummary[]> {
  let query = listsWithCounts(db);
  if (request.status) query = query.where('l.status', '=', request.status);
  if (request.currency) query = query.where('l.currency', '=', request.currency);
  const rows = await query.orderBy('l.currency').orderBy('l.price_list_id').execute();
  return rows.map(summary);
}

/** Staff: one price list with its products' tiers, by product id. */
export async function priceListDetail(db: Kysely<PromotionsDatabase>, priceListId: string) {
  const row = await listsWithCounts(db).where('l.price_list_id', '=', priceListId).executeTakeFirst();
  if (!row) return null;
  const prices = await db
    .selectFrom('price_list_prices')
    .select(['product_id', 'tiers', 'updated_at'])
    .where('price_list_id', '=', priceListId)
    .where('removed', '=', false)
    .orderBy('product_id')
    .execute();
  return {
    ...summary(row),
    prices: prices.map((p) => ({ productId: p.product_id, tiers: p.tiers, updatedAt: iso(p.updated_at) })),
  };
}
