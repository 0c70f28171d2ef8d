import type { InventoryEvent } from '../../domain/inventory/events.ts';
import { evolveStockCounts } from '../../domain/inventory/stock-counts.ts';

/** The quantities a read model keeps for one SKU at one location. */
export type StockQuantities = { onHand: number; reserved: number; backordered: number };

export const noStock = (): StockQuantities => ({ onHand: 0, reserved: 0, backordered: 0 });

/** What can still be reserved: on hand less what orders reserve and checkouts hold. */
export const availableOf = (q: StockQuantities): number => q.onHand - q.reserved;

/**
 * What a stock event does to the quantities: the domain's counts (`evolveStockCounts`, held equal
 * to the write side's fold), with units held for checkouts counted in `reserved`, so that this
 * read model's `available` is what the write side would grant. Pure, for batch folds.
 */
export function foldStock(q: StockQuantities, event: InventoryEvent): StockQuantities {
  // Held units arrive already inside `reserved`: starting `held` at 0 and adding the two back
  // together gives the same sum whichever of them an event moves.
  const after = evolveStockCounts(
    {
      status: 'tracked',
      onHand: q.onHand,
      reserved: q.reserved,
      held: 0,
      backordered: q.backordered,
      threshold: null,
    },
    event,
  );
  if (after.status !== 'tracked') return q;
  return { onHand: after.onHand, reserved: after.reserved + after.held, backordered: after.backordered };
}
