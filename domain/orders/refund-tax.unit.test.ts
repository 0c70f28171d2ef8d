import { describe, it } from 'vitest';
import { specFor } from '../testing/decider-spec.ts';
import { authorized, captured, orderPlaced } from '../testing/order-fixtures.ts';
import { orderDecider, type OrderPlaced } from './index.ts';

const given = specFor(orderDecider);
const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** The fixture's order (5000 in all) with 20 % VAT held in its prices: 833 of it is tax. */
const taxed: OrderPlaced = {
  ...orderPlaced,
  data: {
    ...orderPlaced.data,
    totals: {
      ...(orderPlaced.data.totals as Extract<OrderPlaced['data']['totals'], { taxDetail: unknown }>),
      taxDetail: {
        known: true,
        regionId: 'gb',
        included: true,
        rounding: 'line',
        lines: [],
        shipping: { rateBps: 2000, taxable: eur(600), tax: eur(100) },
        total: eur(833),
      },
    },
  },
};
const refund = (amount: number) => ({
  type: 'IssueRefund' as const,
  data: { orderId: 'o1', refundId: 'r1', amount: eur(amount), reason: 'damaged' },
});

describe('a refund reverses tax in proportion', () => {
  it('takes back the tax share of the refunded amount, half away from zero', () => {
    // 2500 of 5000 → half of 833 = 416.5 → 417.
    given([taxed, authorized, captured])
      .when(refund(2500))
      .then([
        {
          type: 'RefundIssued',
          data: {
            orderId: 'o1',
            refundId: 'r1',
            amount: eur(2500),
            reason: 'damaged',
            taxReversed: eur(417),
          },
        },
      ]);
  });

  it('records none for an order whose tax is unknown, rather than a made-up one', () => {
    given([orderPlaced, authorized, captured])
      .when(refund(2500))
      .then([
        {
          type: 'RefundIssued',
          data: { orderId: 'o1', refundId: 'r1', amount: eur(2500), reason: 'damaged' },
        },
      ]);
  });
});
