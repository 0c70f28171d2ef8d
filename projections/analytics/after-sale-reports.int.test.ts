import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisputeNotification } from '../../ports/payments.ts';
import { projectedShop, type ProjectedShop } from '../../test-support/projected-shop.ts';
import { readLogPages } from '../../test-support/shop-history.ts';
import { createAnalyticsProjection } from './analytics-projection.ts';
import { findReport, reportParams, reportRows } from './reports.ts';

/**
 * After-sale facts in ClickHouse (chDB): disputes of the shop's paid orders reach `after_sale`
 * through the real handlers and the analytics projection, and the dispute rate counts them.
 */
describe('after-sale analytics on chDB', () => {
  let shop: ProjectedShop;
  const params = reportParams({ from: '2026-11-01', to: '2026-12-31' }, new Date('2026-12-30'));

  beforeAll(async () => {
    shop = await projectedShop(6);
    const h = shop.harness;
    // Orders o0, o1, o3 and o4 are paid (every third is cancelled): o0's payment is disputed and
    // lost, o3's is disputed and won. The manual provider's payment ids name their order.
    const dispute = (
      orderId: string,
      disputeId: string,
      amount: number,
    ): Omit<DisputeNotification, 'kind' | 'providerEventId'> => ({
      disputeId,
      paymentId: `manual_${orderId}`,
      amount,
      currency: 'EUR',
      reason: 'fraudulent',
      dueBy: '2026-12-20T00:00:00.000Z',
    });
    const news = [
      { ...dispute('o0', 'dp_a', 1000), kind: 'dispute_opened', providerEventId: 'evt_1' },
      { ...dispute('o0', 'dp_a', 1000), kind: 'dispute_funds_withdrawn', providerEventId: 'evt_2' },
      { ...dispute('o0', 'dp_a', 1000), kind: 'dispute_closed', outcome: 'lost', providerEventId: 'evt_3' },
      { ...dispute('o3', 'dp_b', 700), kind: 'dispute_opened', providerEventId: 'evt_4' },
      { ...dispute('o3', 'dp_b', 700), kind: 'dispute_closed', outcome: 'won', providerEventId: 'evt_5' },
    ] as const;
    for (const notification of news) {
      const result = await h.handlers.applyDisputeNotification(notification, h.context());
      expect(result.events.length).toBeGreaterThan(0);
    }
    // Deliver what the disputes appended (the projection skips what it already holds).
    const projection = createAnalyticsProjection({ analytics: shop.store.analytics });
    for (const page of await readLogPages(h.store, 50)) await projection.deliver(page);
  });
  afterAll(() => shop?.dispose());

  it('records each step of a dispute as an after_sale row', async () => {
    const result = await shop.store.analytics.client.query({
      query: `SELECT kind, case_id, order_id, amount, currency, reason FROM ${shop.store.analytics.database}.after_sale FINAL ORDER BY case_id, kind`,
      format: 'JSONEachRow',
    });
    expect(await result.json()).toEqual([
      {
        kind: 'dispute_funds_withdrawn',
        case_id: 'dp_a',
        order_id: 'o0',
        amount: '1000',
        currency: 'EUR',
        reason: '',
      },
      { kind: 'dispute_lost', case_id: 'dp_a', order_id: 'o0', amount: '1000', currency: 'EUR', reason: '' },
      {
        kind: 'dispute_opened',
        case_id: 'dp_a',
        order_id: 'o0',
        amount: '1000',
        currency: 'EUR',
        reason: 'fraudulent',
      },
      {
        kind: 'dispute_opened',
        case_id: 'dp_b',
        order_id: 'o3',
        amount: '700',
        currency: 'EUR',
        reason: 'fraudulent',
      },
      { kind: 'dispute_won', case_id: 'dp_b', order_id: 'o3', amount: '700', currency: 'EUR', reason: '' },
    ]);
  });

  it('dispute rate: disputed orders over paid orders, with the money disputed and lost', async () => {
    const rows = await reportRows(shop.store.analytics, findReport('dispute_rate')!, {
      ...params,
      granularity: 'month',
    });
    expect(rows).toEqual([
      {
        period: '2026-11-01',
        currency: 'EUR',
        paid_orders: '4',
        disputed_orders: '2',
        dispute_rate: 0.5,
        disputed: '1700',
        lost: '1000',
      },
    ]);
  });
});
