import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findReport, reportCsv, reportParams, reportRows, reports } from './reports.ts';
import { projectedShop, type ProjectedShop } from '../../test-support/projected-shop.ts';

describe('ready-made analytics reports on chDB', () => {
  let shop: ProjectedShop;
  // The harness clock starts 2026-11-21 and the history places one order a day after it.
  const params = reportParams({ from: '2026-11-01', to: '2026-12-31' }, new Date('2026-12-30'));

  beforeAll(async () => {
    shop = await projectedShop(6);
  });
  afterAll(() => shop?.dispose());

  it.each(reports.map((r) => r.name))('%s runs over the projected shop', async (name) => {
    const rows = await reportRows(shop.store.analytics, findReport(name)!, params);
    // The shop has no stockout, no promotion and no cart (promotion-reports.int.test.ts has the
    // promotions; commands/carts/cart-handlers.int.test.ts runs cart_recovery over reminded carts).
    const mayBeEmpty = name === 'stockouts' || name.startsWith('promotion_') || name === 'cart_recovery';
    expect(rows.length).toBeGreaterThan(mayBeEmpty ? -1 : 0);
  });

  it('sales by month add up to every unit and cent ordered', async () => {
    const rows = await reportRows(shop.store.analytics, findReport('sales')!, {
      ...params,
      granularity: 'month',
    });
    expect(rows).toEqual([
      {
        period: '2026-11-01',
        currency: 'EUR',
        orders: '6',
        units: expect.any(String),
        revenue: expect.any(String),
        discount: '0',
      },
    ]);
    const placed = shop.events.filter((e) => e.type === 'OrderPlaced');
    const units = placed
      .flatMap((e) => (e.data as { lines: { quantity: number }[] }).lines)
      .reduce((a, l) => a + l.quantity, 0);
    expect(Number(rows[0]!.units)).toBe(units);
  });

  it('refund rate is refunded over captured', async () => {
    const [row] = await reportRows(shop.store.analytics, findReport('refund_rate')!, {
      ...params,
      granularity: 'month',
    });
    expect(Number(row!.refund_rate)).toBeCloseTo(Number(row!.refunded) / Number(row!.captured), 4);
    expect(row!.refunded_orders).toBe('2');
  });

  it('top sellers are ranked by units, with names from the catalog', async () => {
    const rows = await reportRows(shop.store.analytics, findReport('top_sellers')!, { ...params, limit: 1 });
    expect(rows).toEqual([expect.objectContaining({ sku: 'A', name: 'Hammer' })]);
  });

  it('exports CSV with a header row', async () => {
    const csv = await reportCsv(shop.store.analytics, findReport('revenue')!, params);
    expect(csv.split('\n')[0]).toBe('"period","currency","captured","refunded","net"');
  });
});
