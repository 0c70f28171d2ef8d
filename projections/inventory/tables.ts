/** The inventory read model's tables (schema `rm_inventory_g<generation>`): stock per SKU and location. */
import type { Timestamp } from '../column-types.ts';

export interface StockLevelsTable {
  sku: string;
  location: string;
  on_hand: number;
  /** Held for orders; `available = on_hand - reserved` is never negative. */
  reserved: number;
  available: number;
  /** Ordered but not in stock (SKUs that allow backorders). */
  backordered: number;
  low_stock_threshold: number | null;
  /** `available <= low_stock_threshold`; partially indexed, which is what the low-stock list reads. */
  low_stock: boolean;
  /** Revision of the stock stream last applied. */
  revision: number;
  updated_at: Timestamp;
}

export interface InventoryDatabase {
  stock_levels: StockLevelsTable;
}
