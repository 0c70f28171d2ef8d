import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisputeNotification } from '../../ports/payments.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { projectedShop, type ProjectedShop } from '../../test-support/projected-shop.ts';
import { readLogPages } from '../../test-support/shop-history.ts';
import { createAnalyticsProjection } from './analytics-projection.ts';
import { findReport, reportParams, reportRows } from './reports.ts';

/**
 * After-sale facts in ClickHouse (chDB): disputes of the shop's paid orders reach `after_sale`
 * through the real handlers and the analytics projection, and the dispute rate counts them; a
 * backorder filled by a receipt gives the backorder fill time of docs/analytics.md.
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
    // o1 (two hammers and a saw, delivered) sends a hammer back as damaged.
    await h.handlers.requestReturn(
      {
        returnId: 'ret-1',
        orderId: 'o1',
        lines: [{ lineId: 'L1', quantity: 1 }],
        reason: 'damaged',
        note: null,
        photos: [],
        openedBy: 'customer',
      },
      h.context({ id: 'c1', role: 'customer' }),
    );
    // A mug that may be backordered: an order waits 3 hours for it, then a receipt fills it.
    await h.handlers.createProduct(
      {
        productId: 'p-mug',
        sku: 'MUG',
        name: 'Mug',
        price: { amount: 900, currency: 'EUR' },
        description: '',
        brand: 'Acme',
        category: 'kitchen',
        attributes: {},
        allowBackorder: true,
      },
      h.context(),
    );
    await h.handlers.placeOrder(
      {
        orderId: 'o-mug',
        customerId: 'c1',
        currency: 'EUR',
        lines: [{ productId: 'p-mug', quantity: 2 }],
        shippingAddress: berlinAddress,
      },
      h.context(),
    );
    h.clock.advance(3 * 60 * 60 * 1000);
    const received = await h.handlers.receiveStock(
      { sku: 'MUG', location: 'berlin', quantity: 2, reference: null },
      h.context(),
    );
    expect(received.events.map((event) => event.type)).toEqual(['StockReceived', 'BackorderFilled']);
    // Deliver what the disputes and the return appended (the projection skips what it already holds).
    const projection = createAnalyticsProjection({ analytics: shop.store.analytics });
    for (const page of await readLogPages(h.store, 50)) await projection.deliver(page);
  });
  afterAll(() => shop?.dispose());

  it('records each step of a dispute as an after_sale row', async () => {
    const result = await shop.store.analytics.client.query({
      query: `SELECT kind, case_id, order_id, amount, currency, reason FROM ${shop.store.analytics.database}.after_sale FINAL WHERE kind LIKE 'dispute%' ORDER BY case_id, kind`,
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

  it('return rate by SKU, category and reason: units asked back over units sold (the query in docs/analytics.md)', async () => {
    const db = shop.store.analytics.database;
    const result = await shop.store.analytics.client.query({
      query: `
        SELECT r.sku AS sku, p.category AS category, r.reason AS reason, r.returned AS returned, s.sold AS sold,
          round(r.returned / s.sold, 4) AS return_rate
        FROM (SELECT sku, reason, sum(quantity) AS returned FROM ${db}.after_sale FINAL
              WHERE kind = 'return_requested' GROUP BY sku, reason) AS r
        LEFT JOIN (SELECT sku, sum(quantity) AS sold FROM ${db}.order_lines FINAL GROUP BY sku) AS s ON s.sku = r.sku
        LEFT JOIN (SELECT sku, any(category) AS category FROM ${db}.products GROUP BY sku) AS p ON p.sku = r.sku
        ORDER BY return_rate DESC`,
      format: 'JSONEachRow',
    });
    const rows = await result.json<Record<string, unknown>>();
    // Hammers (SKU A) ordered: 2 + i for the six orders, i = 0..5: 27.
    expect(rows).toEqual([
      { sku: 'A', category: 'tools', reason: 'damaged', returned: '1', sold: '27', return_rate: 0.037 },
    ]);
  });

  it('the refund, return-refund and backorder fill time queries of docs/analytics.md run', async () => {
    const db = shop.store.analytics.database;
    const run = async (query: string) =>
      (await shop.store.analytics.client.query({ query, format: 'JSONEachRow' })).json<
        Record<string, unknown>
      >();
    // The shop refunded 5.00 EUR of o1 and o4, as 'scratched'.
    expect(
      await run(`SELECT reason, currency, count() AS refunds, sum(amount) AS refunded
        FROM ${db}.payments FINAL WHERE kind = 'refunded' GROUP BY reason, currency ORDER BY refunded DESC`),
    ).toEqual([{ reason: 'scratched', currency: 'EUR', refunds: '2', refunded: '1000' }]);
    // The return was not refunded yet.
    expect(
      await run(`SELECT q.reason AS reason, f.currency AS currency, sum(f.amount) AS refunded
        FROM ${db}.after_sale AS f FINAL
        JOIN (SELECT case_id, any(reason) AS reason FROM ${db}.after_sale FINAL
              WHERE kind = 'return_requested' GROUP BY case_id) AS q ON q.case_id = f.case_id
        WHERE f.kind = 'return_refunded' GROUP BY reason, currency ORDER BY refunded DESC`),
    ).toEqual([]);
    expect(
      await run(`SELECT sku, count() AS fills, avg(dateDiff('hour', backordered_at, filled_at)) AS avg_hours
        FROM (
          SELECT order_id, sku, minIf(time, kind = 'backordered') AS backordered_at,
            maxIf(time, kind = 'backorder_filled') AS filled_at
          FROM ${db}.inventory_movements FINAL
          WHERE kind IN ('backordered', 'backorder_filled') GROUP BY order_id, sku
          HAVING countIf(kind = 'backorder_filled') > 0
        ) GROUP BY sku ORDER BY avg_hours DESC`),
    ).toEqual([{ sku: 'MUG', fills: '1', avg_hours: 3 }]);
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
