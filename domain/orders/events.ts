import type { Money } from '../money.ts';

export type Address = {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string;
  region: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
};

/** Where a line's stock is reserved: one stock stream per location, summing to the line quantity. */
export type LineAllocation = { location: string; quantity: number };

export type OrderLine = {
  lineId: string;
  sku: string;
  quantity: number;
  /** The catalog price at placement, so later price changes never touch a placed order. */
  unitPrice: Money;
  lineTotal: Money;
  allocations: LineAllocation[];
};

export type OrderTotals = { subtotal: Money; shipping: Money; total: Money };

export type OrderPlaced = {
  type: 'OrderPlaced';
  data: {
    orderId: string;
    customerId: string;
    currency: string;
    lines: OrderLine[];
    totals: OrderTotals;
    shippingAddress: Address;
    paymentProvider: string;
    /** Unpaid after this, the order may be cancelled as expired and its stock released. */
    expiresAt: string;
  };
};

/** `paymentRef` is the provider's id (a Stripe PaymentIntent, a manual receipt number). */
export type PaymentAuthorized = {
  type: 'PaymentAuthorized';
  data: { orderId: string; paymentRef: string; amount: Money };
};

export type PaymentCaptured = {
  type: 'PaymentCaptured';
  data: { orderId: string; paymentRef: string; amount: Money };
};

export type PaymentFailed = {
  type: 'PaymentFailed';
  data: { orderId: string; paymentRef: string | null; reason: string };
};

export type CancellationReason = 'requested' | 'expired' | 'payment_failed';
export const cancellationReasons: readonly CancellationReason[] = ['requested', 'expired', 'payment_failed'];

export type StockRelease = { lineId: string; sku: string; location: string; quantity: number };

/** Lists every reservation to release, so the stock side needs nothing but this event. */
export type OrderCancelled = {
  type: 'OrderCancelled';
  data: { orderId: string; reason: CancellationReason; note: string | null; releases: StockRelease[] };
};

/** Units of one line cancelled, and the share of the line's total they took with them. */
export type CancelledLine = { lineId: string; sku: string; quantity: number; amount: Money };

/**
 * Some units of an unshipped order cancelled: each line's quantity and total go down by what is
 * listed, the order's subtotal and total by `amount`, and `releases` names every reservation to
 * give back (backordered units first, as the stock side releases them), so the stock streams need
 * nothing but this event. A refund of what was paid for them follows as its own `RefundIssued`.
 */
export type OrderLinesCancelled = {
  type: 'OrderLinesCancelled';
  data: { orderId: string; lines: CancelledLine[]; releases: StockRelease[]; amount: Money };
};

export type ShipmentLine = { lineId: string; sku: string; quantity: number };

export type ShipmentCreated = {
  type: 'ShipmentCreated';
  data: {
    orderId: string;
    shipmentId: string;
    location: string;
    carrier: string;
    trackingNumber: string;
    lines: ShipmentLine[];
  };
};

export type OrderDelivered = { type: 'OrderDelivered'; data: { orderId: string } };

export type RefundIssued = {
  type: 'RefundIssued';
  data: { orderId: string; refundId: string; amount: Money; reason: string };
};

export type OrderEvent =
  | OrderPlaced
  | PaymentAuthorized
  | PaymentCaptured
  | PaymentFailed
  | OrderCancelled
  | OrderLinesCancelled
  | ShipmentCreated
  | OrderDelivered
  | RefundIssued;

const types: Record<OrderEvent['type'], true> = {
  OrderPlaced: true,
  PaymentAuthorized: true,
  PaymentCaptured: true,
  PaymentFailed: true,
  OrderCancelled: true,
  OrderLinesCancelled: true,
  ShipmentCreated: true,
  OrderDelivered: true,
  RefundIssued: true,
};

export const orderEventTypes = Object.keys(types) as OrderEvent['type'][];

export function isOrderEvent(event: { type: string }): event is OrderEvent {
  return Object.hasOwn(types, event.type);
}
