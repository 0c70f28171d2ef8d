import { assertNever } from '../assert-never.ts';
import * as pmap from '../persistent-map.ts';
import { dequeue, enqueue } from './backorder-queue.ts';
import type { InventoryEvent } from './events.ts';
import { withHold as withCartHold, withoutHold } from './holds.ts';
import { holdOf, levels, type Hold, type StockLevels, type StockState } from './state.ts';

/**
 * Pure and total: every event applies to whatever state it meets. An untracked stream starts at
 * zero, and a hold that drops to nothing is removed so long-lived hot streams keep small state.
 */
export function evolveStock(state: StockState, event: InventoryEvent): StockState {
  const current = levels(state, event.data.sku, event.data.location);
  return { status: 'tracked', ...apply(current, event) };
}

function apply(s: StockLevels, event: InventoryEvent): StockLevels {
  switch (event.type) {
    case 'StockReceived':
      return { ...s, onHand: s.onHand + event.data.quantity };
    case 'StockAdjusted':
      return { ...s, onHand: s.onHand + event.data.delta };
    case 'StockReserved': {
      const { orderId, quantity, expiresAt, convertedHold } = event.data;
      if (convertedHold) s = withoutHold(s, convertedHold.cartId);
      const hold = holdOf(s, orderId) ?? emptyHold(expiresAt);
      return withHold({ ...s, reserved: s.reserved + quantity }, orderId, {
        ...hold,
        reserved: hold.reserved + quantity,
        requested: hold.requested + quantity,
      });
    }
    case 'BackorderRecorded': {
      const { orderId, quantity, expiresAt } = event.data;
      const hold = holdOf(s, orderId) ?? emptyHold(expiresAt);
      const backorderQueue = enqueue(s.backorderQueue, orderId, quantity);
      return withHold({ ...s, backordered: s.backordered + quantity, backorderQueue }, orderId, {
        ...hold,
        backordered: hold.backordered + quantity,
        requested: hold.requested + quantity,
      });
    }
    case 'BackorderFilled': {
      const { orderId, quantity } = event.data;
      const hold = holdOf(s, orderId);
      if (hold === undefined) return s;
      const backorderQueue = dequeue(s.backorderQueue, orderId, quantity, 'oldest');
      return withHold(
        { ...s, reserved: s.reserved + quantity, backordered: s.backordered - quantity, backorderQueue },
        orderId,
        { ...hold, reserved: hold.reserved + quantity, backordered: hold.backordered - quantity },
      );
    }
    case 'BackorderCancelled': {
      const { orderId, quantity } = event.data;
      const hold = holdOf(s, orderId);
      if (hold === undefined) return s;
      // The cancelled units give up their place in the queue: a later arrival skips them.
      const backorderQueue = dequeue(s.backorderQueue, orderId, quantity, 'newest');
      return withHold({ ...s, backordered: s.backordered - quantity, backorderQueue }, orderId, {
        ...hold,
        backordered: hold.backordered - quantity,
      });
    }
    case 'StockReservationReleased': {
      const { orderId, quantity } = event.data;
      const hold = holdOf(s, orderId);
      if (hold === undefined) return s;
      return withHold({ ...s, reserved: s.reserved - quantity }, orderId, {
        ...hold,
        reserved: hold.reserved - quantity,
      });
    }
    case 'StockShipped': {
      const { orderId, quantity, shipmentId } = event.data;
      const hold = holdOf(s, orderId);
      if (hold === undefined) return s;
      return withHold({ ...s, onHand: s.onHand - quantity, reserved: s.reserved - quantity }, orderId, {
        ...hold,
        reserved: hold.reserved - quantity,
        shipmentIds: [...hold.shipmentIds, shipmentId],
      });
    }
    case 'StockTransferredOut':
      return {
        ...s,
        onHand: s.onHand - event.data.quantity,
        transferIds: [...s.transferIds, event.data.transferId],
      };
    case 'StockTransferredIn':
      return {
        ...s,
        onHand: s.onHand + event.data.quantity,
        transferIds: [...s.transferIds, event.data.transferId],
      };
    case 'StockReturned':
      return { ...s, onHand: s.onHand + event.data.quantity };
    case 'LowStockThresholdSet':
      return { ...s, threshold: event.data.threshold };
    case 'StockHeld': {
      const { cartId, holder, quantity, expiresAt } = event.data;
      return withCartHold(s, cartId, { holder, quantity, expiresAt });
    }
    case 'StockHoldReleased':
      return withoutHold(s, event.data.cartId);
    default:
      return assertNever(event);
  }
}

function emptyHold(expiresAt: string): Hold {
  return { reserved: 0, backordered: 0, requested: 0, expiresAt, shipmentIds: [] };
}

/** O(log n) whatever the number of open holds: the persistent map copies one path, not every hold. */
function withHold(s: StockLevels, orderId: string, hold: Hold): StockLevels {
  if (hold.reserved <= 0 && hold.backordered <= 0) return { ...s, holds: pmap.remove(s.holds, orderId) };
  return { ...s, holds: pmap.set(s.holds, orderId, hold) };
}
