import type { Address, CancellationReason, OrderLine, OrderTotals, TrackingStatus } from './events.ts';

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
