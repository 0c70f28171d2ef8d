import type { AdjustmentReason } from '../inventory/events.ts';
import type { RefundMoment } from '../return-policy/events.ts';

/**
 * One line under a return. `amount` is what the customer paid for these units after discounts and
 * `tax` the tax on them, both in minor units, prorated from the order's line when only some units
 * come back; both are fixed when the return is requested, from what the order recorded.
 */
export type ReturnLine = {
  lineId: string;
  sku: string;
  quantity: number;
  amount: number;
  tax: number;
  windowDays: number;
};

export type ReturnOpener = 'customer' | 'staff';

export type ReturnRequested = {
  type: 'ReturnRequested';
  data: {
    returnId: string;
    orderId: string;
    customerId: string;
    currency: string;
    lines: ReturnLine[];
    reason: string;
    note: string | null;
    photos: string[];
    openedBy: ReturnOpener;
    deliveredAt: string;
    /** The order's shipping to give back with this return (policy, and only when it brings everything back), else 0. */
    shipping: number;
    restockingFeeBps: number;
    refundOn: RefundMoment;
  };
};

/** A return label from the carrier port; `null` when no carrier is configured (the customer gets `instructions`). */
export type ReturnLabel = { carrier: string; trackingNumber: string; labelUrl: string };

export type ReturnAuthorized = {
  type: 'ReturnAuthorized';
  data: {
    returnId: string;
    orderId: string;
    rmaNumber: string;
    label: ReturnLabel | null;
    instructions: string;
    note: string | null;
  };
};

export type ReturnRejected = {
  type: 'ReturnRejected';
  data: { returnId: string; orderId: string; reason: string };
};

export type Disposition = 'restock' | 'write_off';

export type ReceivedLine = {
  lineId: string;
  sku: string;
  quantity: number;
  disposition: Disposition;
  /** Where restocked units go back on hand (`restock`), else `null`. */
  restockLocation: string | null;
  /** Why units were written off (`write_off`: damage or loss), else `null`. */
  adjustmentReason: AdjustmentReason | null;
  note: string | null;
};

export type ReturnReceived = {
  type: 'ReturnReceived';
  data: { returnId: string; orderId: string; receiptId: string; location: string; lines: ReceivedLine[] };
};

/**
 * A refund made for the return, recorded beside the order's `RefundIssued` in the same append.
 * `refundKey` (the provider's idempotency key) names what it paid for: a receipt, or the authorization.
 */
export type ReturnRefunded = {
  type: 'ReturnRefunded';
  data: {
    returnId: string;
    orderId: string;
    refundKey: string;
    refundId: string;
    amount: number;
    currency: string;
    /** The amount due was more than the order had left to refund, so it was cut to that. */
    capped: boolean;
  };
};

export type ReturnEvent =
  ReturnRequested | ReturnAuthorized | ReturnRejected | ReturnReceived | ReturnRefunded;

const types: Record<ReturnEvent['type'], true> = {
  ReturnRequested: true,
  ReturnAuthorized: true,
  ReturnRejected: true,
  ReturnReceived: true,
  ReturnRefunded: true,
};

export const returnEventTypes = Object.keys(types) as ReturnEvent['type'][];

export function isReturnEvent(event: { type: string }): event is ReturnEvent {
  return Object.hasOwn(types, event.type);
}
