import { sql, type Kysely } from 'kysely';
import { runDdl } from '../ddl.ts';
import type { InventoryDatabase } from './tables.ts';

/** Creates the stock-level table; the partial index is the low-stock list. */
export async function setupInventory(db: Kysely<InventoryDatabase>, schema: string): Promise<void> {
  await runDdl(db as Kysely<unknown>, schema, (t) => [
    sql`create table ${t('stock_levels')} (
      sku text not null,
      location text not null,
      on_hand integer not null,
      reserved integer not null,
      available integer not null,
      backordered integer not null,
      low_stock_threshold integer,
      low_stock boolean not null,
      revision integer not null,
      updated_at timestamptz not null,
      primary key (sku, location)
    )`,
    sql`create index stock_levels_low_idx on ${t('stock_levels')} (available, sku, location) where low_stock`,
    sql`create index stock_levels_location_idx on ${t('stock_levels')} (location, sku)`,
  ]);
}
