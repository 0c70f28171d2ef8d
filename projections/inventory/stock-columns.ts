/**
 * The stock figures every read model that shows stock keeps, declared once: the inventory's
 * `stock_levels`, the catalog's `availability` (per location) and its `products` (totals) spread
 * these columns into their declarations, and map them to and from the folds' `StockQuantities`
 * with the two functions below.
 */
import { col } from '../table-declaration.ts';
import { availableOf, type StockQuantities } from './stock-fold.ts';

export const stockFigureColumns = {
  on_hand: col.integer(),
  /** Held for orders; `available = on_hand - reserved` is never negative. */
  reserved: col.integer(),
  available: col.integer(),
  /** Ordered but not in stock (SKUs that allow backorders). */
  backordered: col.integer(),
};

/** The columns of `stockFigureColumns` as a row selects them. */
export type StockFigureRow = { on_hand: number; reserved: number; available: number; backordered: number };

/** A fold's quantities as the stock figure columns the write path stores. */
export function stockFigureRow(q: StockQuantities): StockFigureRow {
  return { on_hand: q.onHand, reserved: q.reserved, available: availableOf(q), backordered: q.backordered };
}

/** The quantities a fold starts from, read back from a row's stock figure columns. */
export function stockQuantitiesOf(row: Omit<StockFigureRow, 'available'>): StockQuantities {
  return { onHand: row.on_hand, reserved: row.reserved, backordered: row.backordered };
}
