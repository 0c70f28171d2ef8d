/** The inventory read model's tables (schema `rm_inventory_g<generation>`): stock per SKU and location. */
import { col, defineTable, type DatabaseOf, type KyselyTable, type WriteRow } from '../table-declaration.ts';
import { stockFigureColumns } from './stock-columns.ts';

export const stockLevels = defineTable({
  name: 'stock_levels',
  columns: {
    sku: col.text(),
    location: col.text(),
    ...stockFigureColumns,
    low_stock_threshold: col.integer().nullable(),
    /** `available <= low_stock_threshold`; partially indexed, which is what the low-stock list reads. */
    low_stock: col.boolean(),
    /** Revision of the stock stream last applied. */
    revision: col.integer(),
    updated_at: col.timestamptz(),
  },
  primaryKey: ['sku', 'location'],
  indexes: [
    // The low-stock list.
    { name: 'stock_levels_low_idx', on: ['available', 'sku', 'location'], where: 'low_stock' },
    { name: 'stock_levels_location_idx', on: ['location', 'sku'] },
  ],
});

export const inventoryTables = [stockLevels] as const;

export type InventoryDatabase = DatabaseOf<typeof inventoryTables>;
export type StockLevelsTable = KyselyTable<typeof stockLevels>;
export type StockLevelRow = WriteRow<typeof stockLevels>;
