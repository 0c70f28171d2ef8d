import { assertNever } from '../../domain/assert-never.ts';
import type { InventoryEvent } from '../../domain/inventory/events.ts';

/** The quantities a read model keeps for one SKU at one location. */
export type StockQuantities = { onHand: number; reserved: number; backordered: number };

export const noStock = (): StockQuantities => ({ onHand: 0, reserved: 0, backordered: 0 });

/** What can still be reserved: on hand less what orders reserve and checkouts hold. */
export const availableOf = (q: StockQuantities): number => q.onHand - q.reserved;

/**
 * What a stock event does to the quantities; the same arithmetic as the domain's `evolveStock`
 * (whose events always name an existing hold where one is needed). Pure, for batch folds.
 */
export function foldStock(q: StockQuantities, event: InventoryEvent): StockQuantities {
  switch (event.type) {
    case 'StockReceived':
    case 'StockTransferredIn':
    case 'StockReturned':
      return { ...q, onHand: q.onHand + event.data.quantity };
    case 'StockAdjusted':
      return { ...q, onHand: q.onHand + event.data.delta };
    case 'StockTransferredOut':
      return { ...q, onHand: q.onHand - event.data.quantity };
    case 'StockReserved':
      // A converted checkout hold was counted as reserved already: only the difference is new.
      return {
        ...q,
        reserved: q.reserved + event.data.quantity - (event.data.convertedHold?.quantity ?? 0),
      };
    case 'StockReservationReleased':
      return { ...q, reserved: q.reserved - event.data.quantity };
    case 'StockShipped':
      return { ...q, onHand: q.onHand - event.data.quantity, reserved: q.reserved - event.data.quantity };
    case 'BackorderRecorded':
      return { ...q, backordered: q.backordered + event.data.quantity };
    case 'BackorderCancelled':
      return { ...q, backordered: q.backordered - event.data.quantity };
    case 'BackorderFilled':
      return {
        ...q,
        reserved: q.reserved + event.data.quantity,
        backordered: q.backordered - event.data.quantity,
      };
    case 'LowStockThresholdSet':
      return q;
    // A checkout hold takes units out of what is available, like a reservation: the read model
    // counts held units in `reserved`, so its `available` is what the write side would grant.
    case 'StockHeld':
      return { ...q, reserved: q.reserved + event.data.quantity };
    case 'StockHoldReleased':
      return { ...q, reserved: q.reserved - event.data.quantity };
    default:
      return assertNever(event);
  }
}
