import type {
  OrderCancelled,
  OrderDelivered,
  OrderEvent,
  OrderLinesCancelled,
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
/** 2 of the paid order's 3 plates cancelled (from paris): 1600 off a total of 5000, refunded. */
export const platesCancelled: OrderLinesCancelled = {
  type: 'OrderLinesCancelled',
  data: {
    orderId: 'o1',
    lines: [{ lineId: 'l2', sku: 'PLATE', quantity: 2, amount: eur(1600), discounts: [], tax: eur(0) }],
    releases: [{ lineId: 'l2', sku: 'PLATE', location: 'paris', quantity: 2 }],
    amount: eur(1600),
    refund: eur(1600),
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

/**
 * An order of 2 mugs and 3 plates as the price pipeline records it, delivered: tax per line
 * (taxable after the line's discounts), the mugs with `mugDiscount` off, paid in full.
 */
export function pricedDelivered(prices: {
  included: boolean;
  rateBps: number;
  mug: number;
  plate: number;
  mugDiscount: number;
}): OrderEvent[] {
  const { included, rateBps, mugDiscount } = prices;
  const mugTaxable = 2 * prices.mug - mugDiscount;
  const plateTaxable = 3 * prices.plate;
  const taxOf = (amount: number) =>
    Math.round(included ? (amount * rateBps) / (10_000 + rateBps) : (amount * rateBps) / 10_000);
  const subtotal = 2 * prices.mug + 3 * prices.plate;
  const taxTotal = taxOf(mugTaxable) + taxOf(plateTaxable);
  const total = subtotal - mugDiscount + 600 + (included ? 0 : taxTotal);
  const discounts =
    mugDiscount === 0
      ? []
      : [
          {
            promotionId: 'mugs-off',
            promotionVersion: 1,
            code: null,
            label: 'Mugs: 2.00 off',
            amount: eur(mugDiscount),
            lineAmounts: [{ sku: 'MUG', amount: eur(mugDiscount) }],
            freeShipping: false,
          },
        ];
  const [mug, plate] = orderPlaced.data.lines;
  const placed: OrderEvent = {
    type: 'OrderPlaced',
    data: {
      ...orderPlaced.data,
      lines: [
        { ...mug!, unitPrice: eur(prices.mug), lineTotal: eur(2 * prices.mug) },
        { ...plate!, unitPrice: eur(prices.plate), lineTotal: eur(3 * prices.plate) },
      ],
      totals: {
        subtotal: eur(subtotal),
        discountTotal: eur(mugDiscount),
        discounts,
        shipping: eur(600),
        tax: eur(included ? 0 : taxTotal),
        taxDetail: {
          known: true,
          regionId: included ? 'de' : 'us-ny',
          included,
          rounding: 'line',
          lines: [
            {
              sku: 'MUG',
              taxClass: 'standard',
              rateBps,
              taxable: eur(mugTaxable),
              tax: eur(taxOf(mugTaxable)),
            },
            {
              sku: 'PLATE',
              taxClass: 'standard',
              rateBps,
              taxable: eur(plateTaxable),
              tax: eur(taxOf(plateTaxable)),
            },
          ],
          shipping: { rateBps: 0, taxable: eur(600), tax: eur(0) },
          total: eur(taxTotal),
        },
        shippingMethod: null,
        total: eur(total),
      },
    },
  };
  const paid: OrderEvent = {
    type: 'PaymentCaptured',
    data: { orderId: 'o1', paymentRef: 'pi_1', amount: eur(total) },
  };
  return [placed, paid, berlinShipment, parisShipment, delivered];
}
