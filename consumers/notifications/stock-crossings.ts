import {
  available,
  isLowStock,
  stockDecider,
  type InventoryEvent,
  type StockState,
} from '../../domain/inventory/index.ts';

export type StockCrossing = 'low-stock' | 'back-in-stock';

/**
 * Folds one stock event with the domain's own `evolve` (so availability means here what it means
 * to the write side) and says which lines it crossed: into low stock (availability at or below the
 * SKU+location threshold, from above it; also when a new threshold puts current stock below it), or
 * back in stock (availability from zero to some, at a SKU and location that had stock before).
 */
export function crossStock(
  before: StockState,
  event: InventoryEvent,
): { after: StockState; crossings: StockCrossing[] } {
  const after = stockDecider.evolve(before, event);
  const crossings: StockCrossing[] = [];
  if (!isLowStock(before) && isLowStock(after)) crossings.push('low-stock');
  // A first receipt is stock arriving, not coming back: only a tracked SKU can be back in stock.
  if (before.status === 'tracked' && available(before) <= 0 && available(after) > 0)
    crossings.push('back-in-stock');
  return { after, crossings };
}
