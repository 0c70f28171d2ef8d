import type {
  OrderCancelled,
  OrderDelivered,
  OrderEvent,
  OrderPlaced,
  PaymentAuthorized,
  PaymentCaptured,
  PaymentFailed,
  PlaceOrder,
  RefundIssued,
  ShipmentCreated,
} from '../orders/index.ts';
import { unknownTaxDetail } from '../orders/totals.ts';

/** An order of 2 mugs from berlin and 3 plates split 1 berlin / 2 paris, in EUR, total 5000. */
export const placeOrder: PlaceOrder = {
  type: 'PlaceOrder',
  data: {
    orderId: 'o1',
    customerId: 'c1',
    currency: 'EUR',
    lines: [
      {
        lineId: 'l1',
        sku: 'MUG',
        quantity: 2,
        unitPrice: { amount: 1000, currency: 'EUR' },
        allocations: [{ location: 'berlin', quantity: 2 }],
      },
      {
        lineId: 'l2',
        sku: 'PLATE',
        quantity: 3,
        unitPrice: { amount: 800, currency: 'EUR' },
        allocations: [
          { location: 'berlin', quantity: 1 },
          { location: 'paris', quantity: 2 },
        ],
      },
    ],
    pricing: {
      discounts: [],
      discountTotal: { amount: 0, currency: 'EUR' },
      shipping: { amount: 600, currency: 'EUR' },
      tax: { amount: 0, currency: 'EUR' },
      taxDetail: unknownTaxDetail('EUR'),
      shippingMethod: null,
    },
    shippingAddress: {
      name: 'Ada Lovelace',
      line1: '1 Analytical Way',
      line2: null,
      city: 'London',
      postalCode: 'N1 1AA',
      region: null,
      country: 'GB',
    },
    paymentProvider: 'stripe',
    expiresAt: '2025-01-01T00:15:00Z',
  },
};

const eur = (amount: number) => ({ amount, currency: 'EUR' });

export const orderPlaced: OrderPlaced = {
  type: 'OrderPlaced',
  data: {
    orderId: 'o1',
    customerId: 'c1',
    currency: 'EUR',
    lines: [
      {
        lineId: 'l1',
        sku: 'MUG',
        quantity: 2,
        unitPrice: eur(1000),
        lineTotal: eur(2000),
        allocations: [{ location: 'berlin', quantity: 2 }],
      },
      {
        lineId: 'l2',
        sku: 'PLATE',
        quantity: 3,
        unitPrice: eur(800),
        lineTotal: eur(2400),
        allocations: [
          { location: 'berlin', quantity: 1 },
          { location: 'paris', quantity: 2 },
        ],
      },
    ],
    totals: {
      subtotal: eur(4400),
      discountTotal: eur(0),
      discounts: [],
      shipping: eur(600),
      tax: eur(0),
      taxDetail: unknownTaxDetail('EUR'),
      shippingMethod: null,
      total: eur(5000),
    },
    shippingAddress: placeOrder.data.shippingAddress,
    paymentProvider: 'stripe',
    expiresAt: '2025-01-01T00:15:00Z',
  },
};

export const authorized: PaymentAuthorized = {
  type: 'PaymentAuthorized',
  data: { orderId: 'o1', paymentRef: 'pi_1', amount: eur(5000) },
};
export const captured: PaymentCaptured = {
  type: 'PaymentCaptured',
  data: { orderId: 'o1', paymentRef: 'pi_1', amount: eur(5000) },
};
export const failed: PaymentFailed = {
  type: 'PaymentFailed',
  data: { orderId: 'o1', paymentRef: 'pi_1', reason: 'card_declined' },
};

export const shipment = (
  shipmentId: string,
  location: string,
  lines: { lineId: string; sku: string; quantity: number }[],
): ShipmentCreated => ({
  type: 'ShipmentCreated',
  data: { orderId: 'o1', shipmentId, location, carrier: 'DHL', trackingNumber: `T-${shipmentId}`, lines },
});

export const berlinShipment = shipment('s1', 'berlin', [
  { lineId: 'l1', sku: 'MUG', quantity: 2 },
  { lineId: 'l2', sku: 'PLATE', quantity: 1 },
]);
export const parisShipment = shipment('s2', 'paris', [{ lineId: 'l2', sku: 'PLATE', quantity: 2 }]);
export const delivered: OrderDelivered = { type: 'OrderDelivered', data: { orderId: 'o1' } };
export const cancelled: OrderCancelled = {
  type: 'OrderCancelled',
  data: {
    orderId: 'o1',
    customerId: 'c1',
    reason: 'requested',
    note: null,
    releases: [
      { lineId: 'l1', sku: 'MUG', location: 'berlin', quantity: 2 },
      { lineId: 'l2', sku: 'PLATE', location: 'berlin', quantity: 1 },
      { lineId: 'l2', sku: 'PLATE', location: 'paris', quantity: 2 },
    ],
  },
};
export const refunded = (refundId: string, amount: number): RefundIssued => ({
  type: 'RefundIssued',
  data: { orderId: 'o1', refundId, amount: eur(amount), reason: 'damaged' },
});

/** A history that leaves the order in each status. */
export const historyFor = {
  placed: [orderPlaced],
  authorized: [orderPlaced, authorized],
  paid: [orderPlaced, captured],
  payment_failed: [orderPlaced, failed],
  partially_shipped: [orderPlaced, captured, berlinShipment],
  shipped: [orderPlaced, captured, berlinShipment, parisShipment],
  delivered: [orderPlaced, captured, berlinShipment, parisShipment, delivered],
  cancelled: [orderPlaced, cancelled],
} as const satisfies Record<string, OrderEvent[]>;
