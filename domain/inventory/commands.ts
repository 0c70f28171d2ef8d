import type { AdjustmentReason, HoldReleaseReason, ReleaseReason } from './events.ts';

type At = { sku: string; location: string };

export type ReceiveStock = {
  type: 'ReceiveStock';
  data: At & { quantity: number; reference: string | null };
};

/** damage and loss take a negative delta, found a positive one, count either. */
export type AdjustStock = {
  type: 'AdjustStock';
  data: At & { delta: number; reason: AdjustmentReason; note: string | null };
};

/**
 * `allowBackorder` comes from the product (the catalog owns it), resolved by the handler, so a
 * change to the product applies to every location at once without a stock event per location.
 */
export type ReserveStock = {
  type: 'ReserveStock';
  data: At & {
    orderId: string;
    quantity: number;
    expiresAt: string;
    allowBackorder: boolean;
    /**
     * An order edit's units, reserved on top of what the order already holds here (the hold keeps
     * its own expiry). Without it, a second reservation of an order is the same one repeated.
     */
    extend?: boolean;
    /**
     * The cart whose checkout hold here becomes this reservation: the reservation takes the hold
     * over (`StockReserved.convertedHold`), and its units count as available to it.
     */
    fromHold?: string;
  };
};

/**
 * Holds units for a cart's checkout. The caps come from configuration: `maxPerCart` units of this
 * SKU for one cart, `maxPerHolder` units held here by one holder (customer) over all its carts.
 */
export type HoldStock = {
  type: 'HoldStock';
  data: At & {
    cartId: string;
    holder: string;
    quantity: number;
    expiresAt: string;
    maxPerCart: number;
    maxPerHolder: number;
    now: string;
  };
};

/** Ends the cart's hold here; `now` is needed to check that an `expired` release is due. */
export type ReleaseHold = {
  type: 'ReleaseHold';
  data: At & { cartId: string; reason: HoldReleaseReason; now: string };
};

/**
 * Fills one named order's backorder from free stock. Arrivals fill the queue by themselves, first in
 * first out (`backorders.ts`), so no handler issues this one: it is the decider's primitive, kept
 * for a staff override that would jump the queue on purpose.
 */
export type FillBackorder = { type: 'FillBackorder'; data: At & { orderId: string; quantity: number } };

/** `now` is needed to check that an `expired` release is really due. */
export type ReleaseReservation = {
  type: 'ReleaseReservation';
  data: At & { orderId: string; quantity: number; reason: ReleaseReason; now: string };
};

export type ShipStock = {
  type: 'ShipStock';
  data: At & { orderId: string; shipmentId: string; quantity: number };
};

export type TransferStockOut = {
  type: 'TransferStockOut';
  data: At & { transferId: string; quantity: number; toLocation: string };
};

export type TransferStockIn = {
  type: 'TransferStockIn';
  data: At & { transferId: string; quantity: number; fromLocation: string };
};

export type SetLowStockThreshold = { type: 'SetLowStockThreshold'; data: At & { threshold: number } };

/** Books units of a return back in; `writeOffs` of them are adjusted away at once, each with its reason. */
export type ReturnStock = {
  type: 'ReturnStock';
  data: At & {
    orderId: string;
    returnId: string;
    quantity: number;
    writeOffs: { quantity: number; reason: AdjustmentReason; note: string | null }[];
  };
};

export type InventoryCommand =
  | ReceiveStock
  | AdjustStock
  | ReserveStock
  | FillBackorder
  | ReleaseReservation
  | ShipStock
  | TransferStockOut
  | TransferStockIn
  | SetLowStockThreshold
  | ReturnStock
  | HoldStock
  | ReleaseHold;
