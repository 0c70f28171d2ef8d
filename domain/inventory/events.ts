/** Every stock event names its SKU and location, so the global log reads without parsing stream names. */
type At = { sku: string; location: string };

export type AdjustmentReason = 'count' | 'damage' | 'loss' | 'found';
export type ReleaseReason = 'cancelled' | 'expired' | 'payment_failed';

export const adjustmentReasons: readonly AdjustmentReason[] = ['count', 'damage', 'loss', 'found'];
export const releaseReasons: readonly ReleaseReason[] = ['cancelled', 'expired', 'payment_failed'];

/**
 * Why a checkout hold ended: its time ran out, its cart line changed, its cart was abandoned, or
 * checkout turned it into the order's reservation (in the same append as the `StockReserved`).
 */
export type HoldReleaseReason = 'expired' | 'line_changed' | 'abandoned' | 'converted';
export const holdReleaseReasons: readonly HoldReleaseReason[] = [
  'expired',
  'line_changed',
  'abandoned',
  'converted',
];

export type StockReceived = {
  type: 'StockReceived';
  data: At & { quantity: number; reference: string | null };
};

export type StockAdjusted = {
  type: 'StockAdjusted';
  data: At & { delta: number; reason: AdjustmentReason; note: string | null };
};

export type StockReserved = {
  type: 'StockReserved';
  data: At & {
    orderId: string;
    quantity: number;
    expiresAt: string;
    /**
     * A cart's checkout hold that this reservation took over (a cart's checkout): the hold ends
     * here, its units the order's now. One event where there were two: older checkouts recorded a
     * `StockHoldReleased` (`converted`) before their `StockReserved`, and both forms fold the same.
     */
    convertedHold?: { cartId: string; holder: string; quantity: number };
  };
};

/** The part of a reservation that stock could not cover, for a SKU allowed to backorder. */
export type BackorderRecorded = {
  type: 'BackorderRecorded';
  data: At & { orderId: string; quantity: number; expiresAt: string };
};

/** Stock arrived for a backorder: that quantity moves from backordered to reserved. */
export type BackorderFilled = { type: 'BackorderFilled'; data: At & { orderId: string; quantity: number } };

export type BackorderCancelled = {
  type: 'BackorderCancelled';
  data: At & { orderId: string; quantity: number; reason: ReleaseReason };
};

export type StockReservationReleased = {
  type: 'StockReservationReleased';
  data: At & { orderId: string; quantity: number; reason: ReleaseReason };
};

/** Consumes that much of the order's reservation and of on-hand stock. */
export type StockShipped = {
  type: 'StockShipped';
  data: At & { orderId: string; shipmentId: string; quantity: number };
};

export type StockTransferredOut = {
  type: 'StockTransferredOut';
  data: At & { transferId: string; quantity: number; toLocation: string };
};

export type StockTransferredIn = {
  type: 'StockTransferredIn';
  data: At & { transferId: string; quantity: number; fromLocation: string };
};

export type LowStockThresholdSet = {
  type: 'LowStockThresholdSet';
  data: At & { threshold: number; previous: number | null };
};

/**
 * Units a customer sent back came in here (a return's receipt): they are on hand again. Units
 * written off at inspection are returned and then adjusted away (`StockAdjusted`, damage or loss),
 * so the stream shows both what came back and what could not be sold again.
 */
export type StockReturned = {
  type: 'StockReturned';
  data: At & { orderId: string; returnId: string; quantity: number };
};

/**
 * A checkout hold (docs/carts.md): units set aside for a cart that started checkout, until
 * `expiresAt`. Held units are not available to anyone else, like reserved ones. `holder` is who the
 * per-customer cap counts against: the customer, or the guest cart's subject.
 */
export type StockHeld = {
  type: 'StockHeld';
  data: At & { cartId: string; holder: string; quantity: number; expiresAt: string };
};

/** The cart's whole hold here ended; its units are free again (or, `converted`, the order's now). */
export type StockHoldReleased = {
  type: 'StockHoldReleased';
  data: At & { cartId: string; holder: string; quantity: number; reason: HoldReleaseReason };
};

export type InventoryEvent =
  | StockReceived
  | StockAdjusted
  | StockReserved
  | BackorderRecorded
  | BackorderFilled
  | BackorderCancelled
  | StockReservationReleased
  | StockShipped
  | StockTransferredOut
  | StockTransferredIn
  | LowStockThresholdSet
  | StockReturned
  | StockHeld
  | StockHoldReleased;

const types: Record<InventoryEvent['type'], true> = {
  StockReceived: true,
  StockAdjusted: true,
  StockReserved: true,
  BackorderRecorded: true,
  BackorderFilled: true,
  BackorderCancelled: true,
  StockReservationReleased: true,
  StockShipped: true,
  StockTransferredOut: true,
  StockTransferredIn: true,
  LowStockThresholdSet: true,
  StockReturned: true,
  StockHeld: true,
  StockHoldReleased: true,
};

export const inventoryEventTypes = Object.keys(types) as InventoryEvent['type'][];

export function isInventoryEvent(event: { type: string }): event is InventoryEvent {
  return Object.hasOwn(types, event.type);
}
