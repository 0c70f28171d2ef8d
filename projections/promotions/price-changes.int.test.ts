import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { openSpecDatabase, type SpecDatabase } from '../../test-support/projection-spec.ts';
import { listPriceChanges, priceChangeDetail } from './price-change-queries.ts';
import { promotionsProjection } from './projection.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** The staff view of price changes, from events the real handlers wrote, in one batch or one by one. */
describe('price changes in the promotions read model', () => {
  let h: CommandHarness;
  let database: SpecDatabase;
  let events: RecordedEvent[];

  beforeAll(async () => {
    h = await commandHarness('pglite');
    database = await openSpecDatabase('pglite');
    h.clock.set('2026-12-05T10:00:00.000Z');
    const admin = h.context({ id: 'ann', role: 'admin' });
    for (const [productId, amount] of [
      ['mug', 1200],
      ['cup', 800],
    ] as const)
      await h.handlers.createProduct(
        {
          productId,
          sku: productId.toUpperCase(),
          name: productId,
          description: '',
          brand: 'Acme',
          category: 'kitchen',
          attributes: {},
          allowBackorder: false,
          price: eur(amount),
        },
        admin,
      );
    const schedule = (changeId: string, effectiveAt: string) =>
      h.handlers.schedulePriceChange(
        { changeId, effectiveAt, reason: changeId, prices: [{ productId: 'mug', price: eur(1500) }] },
        admin,
      );
    await schedule('winter', '2026-12-21T00:00:00.000Z');
    await schedule('spring', '2027-03-21T00:00:00.000Z');
    await h.handlers.cancelPriceChange('spring', admin);
    await h.handlers.applyMassPriceChange(
      {
        changeId: 'sale',
        reason: 'kitchen sale',
        categories: ['kitchen'],
        brands: [],
        adjustment: { kind: 'percent', basisPoints: -1000 },
        rounding: { kind: 'none' },
      },
      admin,
    );
    h.clock.set('2026-12-21T00:00:00.000Z');
    await h.handlers.applyScheduledPriceChange(
      'winter',
      h.context({ id: 'price-change-scheduler', role: 'system' }),
    );
    events = await h.store.readAll({ maxCount: 1000 });
  });
  afterAll(async () => {
    await h.dispose();
    await database.dispose();
  });

  it.each([
    ['one batch', undefined],
    ['one event per batch', 1],
  ])('lists each change with reason, actor, products and effective time (%s)', async (_name, batchSize) => {
    const spec = await database.spec(promotionsProjection());
    await spec.given(events, batchSize ? { batchSize } : {});
    const all = await spec.read((db) => listPriceChanges(db, { limit: 10 }));
    expect(all.map((c) => [c.changeId, c.kind, c.status, c.effectiveAt])).toEqual([
      ['spring', 'prices', 'cancelled', '2027-03-21T00:00:00.000Z'],
      ['winter', 'prices', 'applied', '2026-12-21T00:00:00.000Z'],
      ['sale', 'mass', 'applied', '2026-12-05T10:00:00.000Z'],
    ]);
    expect(await spec.read((db) => priceChangeDetail(db, 'winter'))).toMatchObject({
      reason: 'winter',
      actor: { id: 'ann', role: 'admin' },
      products: ['mug'],
      targets: [{ productId: 'mug', price: eur(1500) }],
      applied: [{ productId: 'mug', from: eur(1080), to: eur(1500) }],
    });
    expect(await spec.read((db) => priceChangeDetail(db, 'sale'))).toMatchObject({
      actor: { id: 'ann' },
      selection: { categories: ['kitchen'], adjustment: { kind: 'percent', basisPoints: -1000 } },
      products: ['cup', 'mug'],
    });
    expect(
      (await spec.read((db) => listPriceChanges(db, { status: 'cancelled', limit: 10 }))).map(
        (c) => c.changeId,
      ),
    ).toEqual(['spring']);
  });
});
