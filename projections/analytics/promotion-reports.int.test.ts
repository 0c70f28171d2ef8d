import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definition } from '../../domain/testing/promotion-fixtures.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { tempAnalytics, type TempAnalytics } from '../../test-support/temp-analytics.ts';
import { createAnalyticsProjection } from './analytics-projection.ts';
import { findReport, reportParams, reportRows } from './reports.ts';

/**
 * The promotion reports on chDB, over a real write side's log: three orders take the shared code
 * SUMMER20 (20 % off), one of them is cancelled (its redemption given back), one order goes without.
 * The reports must count the cancelled one out of cost and revenue, and keep it in the gross
 * redemptions per day.
 */
describe('promotion reports on chDB', () => {
  let h: CommandHarness;
  let store: TempAnalytics;
  const totals = new Map<string, number>();
  const params = reportParams({ from: '2026-11-01', to: '2026-12-01' }, new Date('2026-11-30'));
  const run = (name: string, overrides: Partial<typeof params> = {}) =>
    reportRows(store.analytics, findReport(name)!, { ...params, ...overrides });

  beforeAll(async () => {
    h = await commandHarness('pglite', { promotions: {} });
    const admin = h.context({ id: 'admin-1', role: 'admin' });
    await h.handlers.createLocation('berlin', 'Berlin', admin);
    await h.handlers.createProduct(
      {
        productId: 'p-mug',
        sku: 'MUG',
        name: 'Mug',
        description: '',
        brand: 'Acme',
        category: 'kitchen',
        attributes: {},
        allowBackorder: false,
        price: { amount: 1000, currency: 'EUR' },
      },
      admin,
    );
    await h.handlers.receiveStock({ sku: 'MUG', location: 'berlin', quantity: 100, reference: null }, admin);
    await h.handlers.createPromotion(
      {
        promotionId: 'summer',
        definition: definition(
          { kind: 'order_percent', basisPoints: 2000 },
          { codes: { mode: 'shared', code: 'SUMMER20' } },
        ),
      },
      admin,
    );
    await h.handlers.activatePromotion('summer', admin);
    for (const [n, coupon] of [
      [1, true],
      [2, true],
      [3, false],
      [4, true],
    ] as const) {
      const placed = await h.handlers.placeOrder(
        {
          orderId: `o-${n}`,
          customerId: `c-${n}`,
          currency: 'EUR',
          lines: [{ productId: 'p-mug', quantity: 1 }],
          shippingAddress: berlinAddress,
          couponCodes: coupon ? ['summer20'] : [],
        },
        h.context({ id: `c-${n}`, role: 'customer' }),
      );
      totals.set(`o-${n}`, placed.order.totals.total.amount);
    }
    await h.handlers.cancelOrder({ orderId: 'o-4', reason: 'requested', note: null }, admin);

    store = await tempAnalytics();
    const projection = createAnalyticsProjection({ analytics: store.analytics });
    await projection.deliver(await h.store.readAll({ from: 'start' }));
  });
  afterAll(async () => {
    await store?.dispose();
    await h?.dispose();
  });

  it('counts the cost net of the cancelled order, ranked by discount', async () => {
    expect(await run('promotion_cost')).toEqual([
      { promotion_id: 'summer', currency: 'EUR', redemptions: '2', units: '2', discount: '400', codes: '1' },
    ]);
  });

  it('shows gross redemptions per day and code: the leakage view of a shared code', async () => {
    expect(await run('promotion_redemptions', { granularity: 'day' })).toEqual([
      {
        period: '2026-11-21',
        promotion_id: 'summer',
        code: 'SUMMER20',
        currency: 'EUR',
        redemptions: '3',
        discount: '600',
        customers: '3',
      },
    ]);
  });

  it('sets the revenue of orders that kept the promotion against the other orders of the range', async () => {
    const withIt = totals.get('o-1')! + totals.get('o-2')!;
    expect(await run('promotion_revenue')).toEqual([
      {
        promotion_id: 'summer',
        currency: 'EUR',
        orders_with: '2',
        revenue_with: String(withIt),
        average_with: String(Math.floor(withIt / 2)),
        orders_without: '1',
        revenue_without: String(totals.get('o-3')),
        average_without: String(totals.get('o-3')),
      },
    ]);
    expect(totals.get('o-3')! - totals.get('o-1')!).toBe(200); // the discount, on an otherwise equal order
  });

  it('fills order_lines.discount from the allocation of the order discount', async () => {
    const result = await store.analytics.client.query({
      query: `SELECT order_id, sum(discount) AS discount FROM ${store.analytics.database}.order_lines FINAL
        GROUP BY order_id ORDER BY order_id`,
      format: 'JSONEachRow',
    });
    expect(await result.json()).toEqual([
      { order_id: 'o-1', discount: '200' },
      { order_id: 'o-2', discount: '200' },
      { order_id: 'o-3', discount: '0' },
      { order_id: 'o-4', discount: '200' },
    ]);
  });
});
