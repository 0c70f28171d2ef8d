import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { tempAnalytics, type TempAnalytics } from '../../test-support/temp-analytics.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { createAnalyticsProjection, type AnalyticsProjection } from './analytics-projection.ts';
import { readLogPages, recordShopHistory } from '../../test-support/shop-history.ts';

/** Just enough of the event shapes to add them up here without the projection's own mapping. */
type Loose = {
  sku: string;
  location: string;
  quantity: number;
  delta: number;
  amount: { amount: number };
  lines: { quantity: number; lineTotal: { amount: number } }[];
};

/** What the event store says, computed from the events alone (not through the projection's mapping). */
function storeTotals(events: readonly RecordedEvent[]) {
  let units = 0;
  let revenue = 0;
  let captured = 0;
  let refunded = 0;
  const onHand = new Map<string, number>();
  const move = (sku: string, location: string, delta: number) =>
    onHand.set(`${sku}@${location}`, (onHand.get(`${sku}@${location}`) ?? 0) + delta);
  for (const event of events) {
    const data = event.data as unknown as Loose;
    switch (event.type) {
      case 'OrderPlaced':
        for (const line of data.lines) {
          units += line.quantity;
          revenue += line.lineTotal.amount;
        }
        break;
      case 'PaymentCaptured':
        captured += data.amount.amount;
        break;
      case 'RefundIssued':
        refunded += data.amount.amount;
        break;
      case 'StockReceived':
      case 'StockTransferredIn':
        move(data.sku, data.location, data.quantity);
        break;
      case 'StockShipped':
      case 'StockTransferredOut':
        move(data.sku, data.location, -data.quantity);
        break;
      case 'StockAdjusted':
        move(data.sku, data.location, data.delta);
        break;
    }
  }
  return {
    events: events.length,
    units,
    revenue,
    captured,
    refunded,
    onHand: Object.fromEntries([...onHand].sort()),
  };
}

describe('analytics projection on chDB', () => {
  let h: CommandHarness;
  let store: TempAnalytics;
  let projection: AnalyticsProjection;
  let pages: RecordedEvent[][];
  let all: RecordedEvent[];

  const one = async <T>(query: string): Promise<T> => {
    const result = await store.analytics.client.query({ query, format: 'JSONEachRow' });
    const rows = await result.json<T>();
    return rows[0]!;
  };
  /** The same totals as `storeTotals`, read from ClickHouse: facts (deduplicated with FINAL) and rollups. */
  async function clickhouseTotals() {
    const db = store.analytics.database;
    const facts = await one<Record<string, string>>(`SELECT
        (SELECT count() FROM ${db}.raw_events FINAL) AS events,
        (SELECT sum(quantity) FROM ${db}.order_lines FINAL) AS units,
        (SELECT sum(revenue) FROM ${db}.order_lines FINAL) AS revenue`);
    const rollups = await one<Record<string, string>>(`SELECT
        (SELECT sum(units) FROM ${db}.sales_daily) AS units,
        (SELECT sum(revenue) FROM ${db}.sales_daily) AS revenue,
        (SELECT sumIf(amount, kind = 'captured') FROM ${db}.payments_daily) AS captured,
        (SELECT sumIf(amount, kind = 'refunded') FROM ${db}.payments_daily) AS refunded`);
    const raw = await one<Record<string, string>>(`SELECT
        (SELECT count() FROM ${db}.raw_events) AS events,
        (SELECT sum(quantity) FROM ${db}.order_lines) AS units`);
    const stock = await (
      await store.analytics.client.query({
        query: `SELECT concat(sku, '@', location) AS at, sum(on_hand_delta) AS on_hand
          FROM ${db}.inventory_daily GROUP BY at HAVING countIf(on_hand_delta != 0) > 0 OR on_hand != 0 ORDER BY at`,
        format: 'JSONEachRow',
      })
    ).json<{ at: string; on_hand: string }>();
    expect(raw, 'no duplicate rows even before merges').toEqual({ events: facts.events, units: facts.units });
    expect(rollups.units).toBe(facts.units);
    expect(rollups.revenue).toBe(facts.revenue);
    return {
      events: Number(facts.events),
      units: Number(rollups.units),
      revenue: Number(rollups.revenue),
      captured: Number(rollups.captured),
      refunded: Number(rollups.refunded),
      onHand: Object.fromEntries(stock.map((s) => [s.at, Number(s.on_hand)])),
    };
  }

  beforeAll(async () => {
    h = await commandHarness('pglite');
    await recordShopHistory(h, 6);
    pages = await readLogPages(h.store, 7);
    all = pages.flat();
    store = await tempAnalytics();
    projection = createAnalyticsProjection({ analytics: store.analytics });
  });
  afterAll(async () => {
    await store?.dispose();
    await h?.dispose();
  });

  it('fills every table from real events, with totals equal to the event store', async () => {
    for (const page of pages) await projection.deliver(page);
    const expected = storeTotals(all);
    expect(expected.units).toBeGreaterThan(0);
    expect(expected.refunded).toBeGreaterThan(0);
    expect(await clickhouseTotals()).toEqual(expected);

    const db = store.analytics.database;
    const lines = await (
      await store.analytics.client.query({
        query: `SELECT order_id, sku, location, quantity, unit_price, revenue, currency FROM ${db}.order_lines
          WHERE order_id = 'o0' ORDER BY sku, location`,
        format: 'JSONEachRow',
      })
    ).json();
    expect(lines).toEqual([
      {
        order_id: 'o0',
        sku: 'A',
        location: 'berlin',
        quantity: '2',
        unit_price: '1199',
        revenue: '2398',
        currency: 'EUR',
      },
      {
        order_id: 'o0',
        sku: 'B',
        location: 'berlin',
        quantity: '1',
        unit_price: '2500',
        revenue: '2500',
        currency: 'EUR',
      },
    ]);
    const counts = await one<Record<string, string>>(`SELECT
        (SELECT count() FROM ${db}.price_changes WHERE product_id = 'p1' AND old_price = 1299 AND new_price = 1199) AS prices,
        (SELECT count() FROM ${db}.products) AS products,
        (SELECT count() FROM ${db}.order_status WHERE status = 'cancelled') AS cancelled,
        (SELECT count() FROM ${db}.order_status WHERE status = 'delivered') AS delivered,
        (SELECT count() FROM ${db}.inventory_movements WHERE kind = 'transferred_in' AND location = 'berlin') AS transfers,
        (SELECT count() FROM ${db}.raw_events WHERE type = 'LocationCreated') AS locations,
        (SELECT sum(orders) FROM ${db}.sales_daily) AS orders`);
    expect(counts).toEqual({
      prices: '1',
      products: '2',
      cancelled: '2',
      delivered: '4',
      transfers: '1',
      locations: '2',
      orders: '6',
    });
    // Times are the events' occurredAt (the command clock, one order a day), never the insert time.
    const days = await one<{ days: string }>(`SELECT uniqExact(day) AS days FROM ${db}.sales_daily`);
    expect(days.days).toBe('6');
  });

  it('leaves totals unchanged when batches are redelivered, overlapping or duplicated within one batch', async () => {
    const before = await clickhouseTotals();
    for (const page of pages) await projection.deliver(page);
    await projection.deliver(all.slice(3, 40));
    await projection.deliver([...pages[2]!, ...pages[2]!]);
    expect(await clickhouseTotals()).toEqual(before);
    expect(before).toEqual(storeTotals(all));
  });

  it('completes a table that missed a batch which the others took (a crash between two inserts)', async () => {
    const db = store.analytics.database;
    const orderPage = pages.find((page) => page.some((e) => e.type === 'OrderPlaced'))!;
    const ids = orderPage.map((e) => `'${e.id}'`).join(',');
    await store.analytics.client.command({
      query: `DELETE FROM ${db}.order_lines WHERE event_id IN (${ids})`,
    });
    await store.analytics.client.command({ query: `TRUNCATE TABLE ${db}.sales_daily` });
    // Rebuild the rollup from what the facts hold now, as if only order_lines had missed the batch.
    await store.analytics.client.command({
      query: `INSERT INTO ${db}.sales_daily SELECT toDate(time), sku, location, currency, sum(quantity),
        sum(revenue), sum(discount), toUInt64(count()), toUInt64(sum(order_count))
        FROM ${db}.order_lines GROUP BY 1, 2, 3, 4`,
    });
    expect((await clickhouseTotals()).units).toBeLessThan(storeTotals(all).units);
    await projection.deliver(orderPage);
    expect(await clickhouseTotals()).toEqual(storeTotals(all));
  });

  it('rebuilds from the start after reset (qm replay) with the same totals', async () => {
    await projection.reset();
    expect((await clickhouseTotals()).events).toBe(0);
    for (const page of pages) await projection.deliver(page);
    expect(await clickhouseTotals()).toEqual(storeTotals(all));
  });
});
