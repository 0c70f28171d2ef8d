import {
  available,
  evolveStockCounts,
  isLowStock,
  type InventoryEvent,
  type StockCounts,
} from '../../domain/inventory/index.ts';

export type StockCrossing = 'low-stock' | 'back-in-stock';

/**
 * Folds one stock event into the stream's counts (the domain's `evolveStockCounts`, equal to what
 * the write side's fold counts, so availability means here what it means there) and says which
 * lines it crossed: into low stock (availability at or below the SKU+location threshold, from
 * above it; also when a new threshold puts current stock below it), or back in stock
 * (availability from zero to some, at a SKU and location that had stock before).
 */
export function crossStock(
  before: StockCounts,
  event: InventoryEvent,
): { after: StockCounts; crossings: StockCrossing[] } {
  const after = evolveStockCounts(before, event);
  const crossings: StockCrossing[] = [];
  if (!isLowStock(before) && isLowStock(after)) crossings.push('low-stock');
  // A first receipt is stock arriving, not coming back: only a tracked SKU can be back in stock.
  if (before.status === 'tracked' && available(before) <= 0 && available(after) > 0)
    crossings.push('back-in-stock');
  return { after, crossings };
}
