import { assertNever } from '../assert-never.ts';
import type { InventoryEvent } from './events.ts';

/**
 * A stock stream's counts without who holds what: all that availability and low stock need.
 *
 * The full fold (`evolve.ts`) keeps every open reservation and checkout hold by id, because
 * deciding needs them. A hot SKU has thousands open, so a reader that stores its fold per event
 * would write all of them every time. The counts are O(1) to keep and store, and each event
 * carries the quantities they move by. The notification consumer and the inventory read model
 * fold with them.
 *
 * On every stream the decider wrote, the counts equal the full fold's (the property test in
 * `stock.property.unit.test.ts` folds both); the full fold ignores an event about a hold it does
 * not know, which the decider never writes.
 */
export type StockCounts =
  | { status: 'untracked' }
  | {
      status: 'tracked';
      onHand: number;
      reserved: number;
      /** Units held for checkouts. */
      held: number;
      backordered: number;
      threshold: number | null;
    };

type TrackedCounts = Extract<StockCounts, { status: 'tracked' }>;

/** The counts of a stored full state, or of stored counts: the full state has the same fields. */
export function countsOf(state: StockCounts): StockCounts {
  if (state.status !== 'tracked') return { status: 'untracked' };
  const { onHand, reserved, held, backordered, threshold } = state;
  // A full state stored before checkout holds existed has no `held`: it held nothing.
  return { status: 'tracked', onHand, reserved, held: held ?? 0, backordered: backordered ?? 0, threshold };
}

export function evolveStockCounts(state: StockCounts, event: InventoryEvent): StockCounts {
  const s: TrackedCounts =
    state.status === 'tracked'
      ? state
      : { status: 'tracked', onHand: 0, reserved: 0, held: 0, backordered: 0, threshold: null };
  switch (event.type) {
    case 'StockReceived':
    case 'StockTransferredIn':
    case 'StockReturned':
      return { ...s, onHand: s.onHand + event.data.quantity };
    case 'StockTransferredOut':
      return { ...s, onHand: s.onHand - event.data.quantity };
    case 'StockAdjusted':
      return { ...s, onHand: s.onHand + event.data.delta };
    case 'StockReserved':
      return {
        ...s,
        reserved: s.reserved + event.data.quantity,
        // A checkout's reservation ends the cart's hold it takes over.
        held: s.held - (event.data.convertedHold?.quantity ?? 0),
      };
    case 'BackorderRecorded':
      return { ...s, backordered: s.backordered + event.data.quantity };
    case 'BackorderFilled':
      return {
        ...s,
        reserved: s.reserved + event.data.quantity,
        backordered: s.backordered - event.data.quantity,
      };
    case 'BackorderCancelled':
      return { ...s, backordered: s.backordered - event.data.quantity };
    case 'StockReservationReleased':
      return { ...s, reserved: s.reserved - event.data.quantity };
    case 'StockShipped':
      return { ...s, onHand: s.onHand - event.data.quantity, reserved: s.reserved - event.data.quantity };
    case 'LowStockThresholdSet':
      return { ...s, threshold: event.data.threshold };
    case 'StockHeld':
      return { ...s, held: s.held + event.data.quantity };
    case 'StockHoldReleased':
      return { ...s, held: s.held - event.data.quantity };
    default:
      return assertNever(event);
  }
}
