/** Read functions over the inventory read model (Kysely scoped to the live generation's schema). */
import type { Kysely, Selectable } from 'kysely';
import { isoTime } from '../batch-write.ts';
import type { InventoryDatabase, StockLevelsTable } from './tables.ts';

export type StockLevelView = {
  sku: string;
  location: string;
  onHand: number;
  reserved: number;
  available: number;
  backordered: number;
  lowStockThreshold: number | null;
  lowStock: boolean;
  revision: number;
  updatedAt: string;
};

function toView(r: Selectable<StockLevelsTable>): StockLevelView {
  return {
    sku: r.sku,
    location: r.location,
    onHand: r.on_hand,
    reserved: r.reserved,
    available: r.available,
    backordered: r.backordered,
    lowStockThreshold: r.low_stock_threshold,
    lowStock: r.low_stock,
    revision: r.revision,
    updatedAt: isoTime(r.updated_at),
  };
}

/**
 * The low-stock list, scarcest first, keyset-paged by (available, sku, location) on the partial
 * index; optionally for one location.
 */
export async function lowStock(
  db: Kysely<InventoryDatabase>,
  options: {
    location?: string;
    limit?: number;
    after?: { available: number; sku: string; location: string };
  } = {},
): Promise<StockLevelView[]> {
  let query = db.selectFrom('stock_levels').selectAll().where('low_stock', '=', true);
  if (options.location !== undefined) query = query.where('location', '=', options.location);
  const after = options.after;
  if (after !== undefined) {
    query = query.where((eb) =>
      eb(
        eb.refTuple('available', 'sku', 'location'),
        '>',
        eb.tuple(after.available, after.sku, after.location),
      ),
    );
  }
  const rows = await query
    .orderBy('available')
    .orderBy('sku')
    .orderBy('location')
    .limit(options.limit ?? 100)
    .execute();
  return rows.map(toView);
}

/**
 * Every stock level, by SKU then location, keyset-paged on the primary key; optionally one SKU,
 * one location, or only the levels at or below their threshold.
 */
export async function stockLevelPage(
  db: Kysely<InventoryDatabase>,
  options: {
    sku?: string | undefined;
    location?: string | undefined;
    lowOnly?: boolean | undefined;
    limit: number;
    after?: { sku: string; location: string } | undefined;
  },
): Promise<StockLevelView[]> {
  let query = db.selectFrom('stock_levels').selectAll();
  if (options.sku !== undefined) query = query.where('sku', '=', options.sku);
  if (options.location !== undefined) query = query.where('location', '=', options.location);
  if (options.lowOnly === true) query = query.where('low_stock', '=', true);
  const after = options.after;
  if (after !== undefined) {
    query = query.where((eb) => eb(eb.refTuple('sku', 'location'), '>', eb.tuple(after.sku, after.location)));
  }
  const rows = await query.orderBy('sku').orderBy('location').limit(options.limit).execute();
  return rows.map(toView);
}
