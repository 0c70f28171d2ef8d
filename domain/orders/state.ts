import type {
  Address,
  CancellationReason,
  ClaimReason,
  DisputeOutcome,
  OrderLine,
  OrderTotals,
  TrackingStatus,
} from './events.ts';

export type OrderStatus =
  | 'placed'
  | 'authorized'
  | 'paid'
  | 'payment_failed'
  | 'partially_shipped'
  | 'shipped'
  | 'delivered'
  | 'cancelled';

/** Amounts in minor units of the order currency. */
export type PaymentState = {
  paymentRef: string | null;
  authorized: number;
  captured: number;
  refunded: number;
  refundIds: string[];
  /**
   * Refunds that an edit or a cancellation decided (in its own event) and that are not issued yet.
   * They are spoken for: every later decision counts them as gone, so an edit, a cancellation or a
   * return decided while one is on its way to the provider never refunds the same money again.
   */
  refundsDue: number;
  /**
   * The difference an edit added to an authorized or paid order, owed until its extra payment is
   * recorded (`paymentRef`: the provider's payment for it, once opened); null when nothing is owed.
   */
  extra: { amount: number; paymentRef: string | null } | null;
  /** Every provider payment opened for an edit, so that their notifications are never taken for the order's own. */
  extraRefs: string[];
};

export type Shipment = {
  /** The carrier's last word on the parcel; null until it tracks it (or without a carrier). */
  tracking: TrackingStatus | null;
  shipmentId: string;
  location: string;
  lines: { lineId: string; quantity: number }[];
};

/** A chargeback on the order's payment; amounts in minor units of the order currency. */
export type Dispute = {
  disputeId: string;
  amount: number;
  /** What the provider took from the shop's balance for it (0 until funds are withdrawn). */
  withdrawn: number;
  status: 'open' | DisputeOutcome;
};

/** An exchange of delivered units; its extra payment, if any, and whether it was captured. */
export type Exchange = {
  exchangeId: string;
  lineId: string;
  quantity: number;
  replacementLineId: string;
  charge: { paymentRef: string; amount: number; captured: boolean } | null;
};

export type Claim = {
  claimId: string;
  lineId: string;
  quantity: number;
  reason: ClaimReason;
  status: 'open' | 'replaced' | 'refunded';
};

export type OrderData = {
  orderId: string;
  customerId: string;
  currency: string;
  lines: OrderLine[];
  totals: OrderTotals;
  shippingAddress: Address;
  paymentProvider: string;
  expiresAt: string;
  payment: PaymentState;
  shipments: Shipment[];
  /** Absent on states folded before disputes existed (read models store the state): read through `disputesOf`. */
  disputes?: Dispute[];
  /** Absent on states folded before exchanges existed: read through `exchangesOf`. */
  exchanges?: Exchange[];
  /** Absent on states folded before claims existed: read through `claimsOf`. */
  claims?: Claim[];
};

export type OrderState =
  | { status: 'none' }
  | (OrderData & { status: Exclude<OrderStatus, 'cancelled'> })
  | (OrderData & { status: 'cancelled'; cancellation: { reason: CancellationReason; note: string | null } });

export type ExistingOrder = Exclude<OrderState, { status: 'none' }>;

export const initialOrderState = (): OrderState => ({ status: 'none' });

/** Shipped so far for a line, optionally only from one location. */
export function shippedQuantity(order: OrderData, lineId: string, location?: string): number {
  let total = 0;
  for (const shipment of order.shipments) {
    if (location !== undefined && shipment.location !== location) continue;
    for (const line of shipment.lines) if (line.lineId === lineId) total += line.quantity;
  }
  return total;
}

export function isFullyShipped(order: OrderData): boolean {
  return order.lines.every((line) => shippedQuantity(order, line.lineId) >= line.quantity);
}

export function disputesOf(order: OrderData): Dispute[] {
  return order.disputes ?? [];
}

/**
 * Money the bank holds back from the shop through disputes: withdrawn and not given back by a
 * won dispute. It can no longer be refunded (the cardholder has it already).
 */
export function disputedFunds(order: OrderData): number {
  return disputesOf(order).reduce((sum, d) => sum + (d.status === 'won' ? 0 : d.withdrawn), 0);
}

export function exchangesOf(order: OrderData): Exchange[] {
  return order.exchanges ?? [];
}

export function claimsOf(order: OrderData): Claim[] {
  return order.claims ?? [];
}
