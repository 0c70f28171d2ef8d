import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { seedDemoShop, type DemoOptions, type DemoReport } from './demo-shop.ts';

const options: DemoOptions = {
  days: 14,
  products: 20,
  ordersPerDay: 4,
  seed: 7,
  now: new Date('2026-12-05T12:00:00.000Z'),
};

/** The demo seed, small, through the real handlers on PGlite. */
describe('qm seed --demo', () => {
  let h: CommandHarness;
  let report: DemoReport;
  const phases = new Set<string>();
  const count = async (sql: string) => Number((await h.sql.query<{ n: string }>(sql))[0]!.n);

  beforeAll(async () => {
    h = await commandHarness('pglite');
    report = await seedDemoShop({ handlers: h.handlers, store: h.store }, options, (task) =>
      phases.add(task),
    );
  }, 300_000);
  afterAll(() => h?.dispose());

  it('writes a shop: products in 10 categories, 2 locations, orders on every day, each in its past', async () => {
    expect(report).toMatchObject({ products: 20, categories: 10, locations: 2, skipped: 0 });
    expect(report.orders).toBeGreaterThan(14 * 2);
    expect([...phases]).toEqual(['catalog and stock', 'orders']);
    const created = await h.store.readAll({ maxCount: 100_000 });
    const categories = new Set(
      created
        .filter((e) => e.type === 'ProductCreated')
        .map((e) => (e.data as { category: string }).category),
    );
    expect(categories.size).toBe(10);
    const placed = created.filter((e) => e.type === 'OrderPlaced');
    expect(placed).toHaveLength(report.orders);
    // The orders are spread over the 14 days before now, by the time each happened.
    const days = new Set(placed.map((e) => e.metadata.occurredAt.slice(0, 10)));
    expect(days.size).toBe(14);
    expect(placed.every((e) => e.metadata.occurredAt < options.now.toISOString())).toBe(true);
    expect(created.some((e) => e.type === 'OrderDelivered')).toBe(true);
    expect(created.filter((e) => e.type === 'OrderCancelled').length).toBeGreaterThanOrEqual(
      report.cancelled,
    );
    expect(created.filter((e) => e.type === 'LowStockThresholdSet')).toHaveLength(40);
    expect(await count(`select count(*)::text as n from qm_events where category = 'report'`)).toBe(1);
  });

  it('is idempotent: a second run finds the demo complete and writes nothing', async () => {
    const before = await count('select count(*)::text as n from qm_events');
    const again = await seedDemoShop({ handlers: h.handlers, store: h.store }, options);
    expect(again.skipped).toBe(-1);
    expect(await count('select count(*)::text as n from qm_events')).toBe(before);
  });
});
