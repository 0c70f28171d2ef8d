import { describe, expect, it } from 'vitest';
import { AlreadyExists, CurrencyMismatch, ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { orderPlaced, placeOrder } from '../testing/order-fixtures.ts';
import { orderDecider, type PlaceOrder } from './index.ts';

const given = specFor(orderDecider);
type Data = PlaceOrder['data'];
const withData = (patch: Partial<Data>): PlaceOrder => ({
  type: 'PlaceOrder',
  data: { ...placeOrder.data, ...patch },
});
const withPricing = (patch: Partial<Data['pricing']>): PlaceOrder =>
  withData({ pricing: { ...placeOrder.data.pricing, ...patch } });
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const discount = (amount: number) => ({
  promotionId: 'promo-1',
  promotionVersion: 1,
  code: 'SAVE',
  label: 'SAVE: money off',
  amount: eur(amount),
  lineAmounts: [],
  freeShipping: false,
});
const withLine = (patch: Partial<Data['lines'][number]>): PlaceOrder =>
  withData({ lines: [{ ...placeOrder.data.lines[0]!, ...patch }, placeOrder.data.lines[1]!] });

describe('PlaceOrder', () => {
  it('places the order with catalog prices, line totals and order totals', () => {
    const state = given([]).when(placeOrder).then([orderPlaced]);
    expect(state).toMatchObject({ status: 'placed', payment: { captured: 0, refunded: 0 }, shipments: [] });
  });

  it('refuses to place the same order twice', () => {
    given([orderPlaced]).when(placeOrder).thenThrows(AlreadyExists, { aggregate: 'order', id: 'o1' });
  });

  it.each<[string, PlaceOrder]>([
    ['orderId', withData({ orderId: 'o 1' })],
    ['customerId', withData({ customerId: '' })],
    ['amount.currency', withData({ currency: 'euro' })],
    ['paymentProvider', withData({ paymentProvider: '' })],
    ['expiresAt', withData({ expiresAt: 'in 15 minutes' })],
    ['lines', withData({ lines: [] })],
    [
      'lines',
      withData({
        lines: Array.from({ length: 101 }, (_, i) => ({
          ...placeOrder.data.lines[0]!,
          lineId: `l${i}`,
          sku: `S${i}`,
        })),
      }),
    ],
    [
      'lines[1]',
      withData({ lines: [placeOrder.data.lines[0]!, { ...placeOrder.data.lines[1]!, lineId: 'l1' }] }),
    ],
    [
      'lines[1]',
      withData({ lines: [placeOrder.data.lines[0]!, { ...placeOrder.data.lines[1]!, sku: 'MUG' }] }),
    ],
    ['lines[0].lineId', withLine({ lineId: '' })],
    ['lines[0].sku', withLine({ sku: 'MUG@x' })],
    ['lines[0].quantity', withLine({ quantity: 0 })],
    ['lines[0].unitPrice.amount', withLine({ unitPrice: { amount: -1, currency: 'EUR' } })],
    ['lines[0].unitPrice.amount', withLine({ unitPrice: { amount: 9.99, currency: 'EUR' } })],
    ['lines[0].allocations', withLine({ allocations: [] })],
    ['lines[0].allocations', withLine({ allocations: [{ location: 'berlin', quantity: 1 }] })],
    [
      'lines[0].allocations[1]',
      withLine({
        allocations: [
          { location: 'berlin', quantity: 1 },
          { location: 'berlin', quantity: 1 },
        ],
      }),
    ],
    ['lines[0].allocations[0].location', withLine({ allocations: [{ location: 'a@b', quantity: 2 }] })],
    ['lines[0].allocations[0].quantity', withLine({ allocations: [{ location: 'berlin', quantity: 0 }] })],
    ['pricing.shipping.amount', withPricing({ shipping: { amount: -100, currency: 'EUR' } })],
    ['pricing.discountTotal', withPricing({ discountTotal: { amount: 100, currency: 'EUR' } })],
    [
      'pricing.discountTotal',
      withPricing({ discounts: [discount(5000)], discountTotal: { amount: 5000, currency: 'EUR' } }),
    ],
    ['shippingAddress.name', withData({ shippingAddress: { ...placeOrder.data.shippingAddress, name: '' } })],
    [
      'shippingAddress.line1',
      withData({ shippingAddress: { ...placeOrder.data.shippingAddress, line1: ' ' } }),
    ],
    [
      'shippingAddress.line2',
      withData({ shippingAddress: { ...placeOrder.data.shippingAddress, line2: 'x'.repeat(201) } }),
    ],
    ['shippingAddress.city', withData({ shippingAddress: { ...placeOrder.data.shippingAddress, city: '' } })],
    [
      'shippingAddress.postalCode',
      withData({ shippingAddress: { ...placeOrder.data.shippingAddress, postalCode: '' } }),
    ],
    [
      'shippingAddress.region',
      withData({ shippingAddress: { ...placeOrder.data.shippingAddress, region: 'x'.repeat(101) } }),
    ],
    [
      'shippingAddress.country',
      withData({ shippingAddress: { ...placeOrder.data.shippingAddress, country: 'GBR' } }),
    ],
  ])('refuses an invalid %s', (field, command) => {
    given([]).when(command).thenThrows(ValidationFailed, { field });
  });

  it('refuses a line priced in another currency', () => {
    given([])
      .when(withLine({ unitPrice: { amount: 1000, currency: 'USD' } }))
      .thenThrows(CurrencyMismatch, { expected: 'EUR', actual: 'USD' });
  });

  it('refuses a shipping fee in another currency', () => {
    given([])
      .when(withPricing({ shipping: { amount: 600, currency: 'GBP' } }))
      .thenThrows(CurrencyMismatch, { expected: 'EUR', actual: 'GBP' });
  });

  it('records discounts and tax: total = subtotal − discounts + shipping + tax', () => {
    const taxDetail = {
      known: true,
      regionId: 'us-ny',
      included: false,
      rounding: 'line' as const,
      lines: [],
      shipping: {
        rateBps: 0,
        taxable: { amount: 600, currency: 'EUR' },
        tax: { amount: 0, currency: 'EUR' },
      },
      total: { amount: 195, currency: 'EUR' },
    };
    const [event] = orderDecider.decide(
      withPricing({
        discounts: [discount(500)],
        discountTotal: { amount: 500, currency: 'EUR' },
        tax: { amount: 195, currency: 'EUR' },
        taxDetail,
      }),
      orderDecider.initialState(),
    );
    expect(event?.data).toMatchObject({
      totals: {
        subtotal: { amount: 4400 },
        discountTotal: { amount: 500 },
        tax: { amount: 195 },
        total: { amount: 4400 - 500 + 600 + 195 },
      },
    });
    given([])
      .when(withPricing({ tax: { amount: 10, currency: 'EUR' }, taxDetail }))
      .thenThrows(ValidationFailed, { field: 'pricing.tax' });
  });

  it('reads an order placed before the pipeline with no discount, no tax and an unknown tax breakdown', () => {
    const legacy = {
      ...orderPlaced,
      data: { ...orderPlaced.data, totals: { subtotal: eur(4400), shipping: eur(600), total: eur(5000) } },
    };
    const state = orderDecider.evolve(orderDecider.initialState(), legacy);
    expect(state).toMatchObject({
      totals: {
        discountTotal: eur(0),
        discounts: [],
        tax: eur(0),
        taxDetail: { known: false, lines: [] },
        total: eur(5000),
      },
    });
  });

  it('refuses totals beyond the safe integer range', () => {
    given([])
      .when(withLine({ quantity: 2, unitPrice: { amount: Number.MAX_SAFE_INTEGER, currency: 'EUR' } }))
      .thenThrows(ValidationFailed, { field: 'amount' });
  });

  it('keeps an address with its optional parts', () => {
    const shippingAddress = { ...placeOrder.data.shippingAddress, line2: 'Flat 2', region: 'Greater London' };
    const [event] = orderDecider.decide(withData({ shippingAddress }), orderDecider.initialState());
    expect(event?.data).toMatchObject({ shippingAddress });
  });
});
