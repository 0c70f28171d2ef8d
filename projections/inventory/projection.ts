import type { Kysely } from 'kysely';
import { inventoryEventTypes } from '../../domain/inventory/events.ts';
import { isoTime, writeTables } from '../batch-write.ts';
import type { ReadModelProjection } from '../runtime/projection.ts';
import { createTables } from '../table-ddl.ts';
import { upsert } from '../table-writes.ts';
import { foldInventory, inventoryKeys, isLow, stockKey, type StockLevelModel } from './fold.ts';
import { stockFigureRow, stockQuantitiesOf } from './stock-columns.ts';
import { inventoryTables, stockLevels, type InventoryDatabase, type StockLevelRow } from './tables.ts';

/** Stock per SKU and location with the low-stock flag; one select and one upsert per batch. */
export function inventoryProjection(): ReadModelProjection<InventoryDatabase> {
  return {
    name: 'inventory',
    version: 1,
    filter: { categories: ['stock'], eventTypes: inventoryEventTypes },
    setup: (db, schema) => createTables(db, schema, inventoryTables),
    async apply(db, events) {
      const levels = await load(db, inventoryKeys(events));
      const { changed, tags } = foldInventory(levels, events);
      await writeTables(db, [upsert(stockLevels, changed.map(row))]);
      return { invalidate: tags };
    },
  };
}

async function load(db: Kysely<InventoryDatabase>, skus: string[]): Promise<Map<string, StockLevelModel>> {
  const levels = new Map<string, StockLevelModel>();
  if (skus.length === 0) return levels;
  const rows = await db.selectFrom('stock_levels').selectAll().where('sku', 'in', skus).execute();
  for (const r of rows) {
    levels.set(stockKey(r.sku, r.location), {
      sku: r.sku,
      location: r.location,
      ...stockQuantitiesOf(r),
      threshold: r.low_stock_threshold,
      revision: r.revision,
      updatedAt: isoTime(r.updated_at),
    });
  }
  return levels;
}

function row(s: StockLevelModel): StockLevelRow {
  return {
    sku: s.sku,
    location: s.location,
    ...stockFigureRow(s),
    low_stock_threshold: s.threshold,
    low_stock: isLow(s),
    revision: s.revision,
    updated_at: s.updatedAt,
  };
}
