import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { openSpecDatabase, type SpecDatabase } from '../../test-support/projection-spec.ts';
import { activePriceListIds, listPriceLists, priceListDetail } from './price-list-queries.ts';
import { promotionsProjection } from './projection.ts';

/** Price lists written by the real handlers, projected in one batch or one event at a time. */
describe('price lists in the promotions read model', () => {
  let h: CommandHarness;
  let database: SpecDatabase;
  let events: RecordedEvent[];

  beforeAll(async () => {
    h = await commandHarness('pglite');
    database = await openSpecDatabase('pglite');
    const admin = h.context();
    const tiers = (amount: number) => [
      { minQuantity: 1, amount },
      { minQuantity: 10, amount: amount - 100 },
    ];
    await h.handlers.createPriceList(
      {
        priceListId: 'wholesale-eur',
        name: 'Wholesale',
        currency: 'EUR',
        customerGroups: ['wholesale'],
        priority: 1,
      },
      admin,
    );
    await h.handlers.setPriceListPrices(
      'wholesale-eur',
      [
        { productId: 'mug', tiers: tiers(800) },
        { productId: 'tee', tiers: tiers(1500) },
      ],
      admin,
    );
    await h.handlers.removePriceListPrices('wholesale-eur', ['tee'], admin);
    await h.handlers.createPriceList(
      { priceListId: 'retail-usd', name: 'Retail (USD)', currency: 'USD', customerGroups: [], priority: 0 },
      admin,
    );
    await h.handlers.setPriceListPrices('retail-usd', [{ productId: 'mug', tiers: tiers(1200) }], admin);
    await h.handlers.archivePriceList('retail-usd', admin);
    events = await h.store.readAll({ maxCount: 1000 });
  });
  afterAll(async () => {
    await h.dispose();
    await database.dispose();
  });

  it.each([
    ['one batch', undefined],
    ['one event per batch', 1],
  ])(
    'lists the price lists, their tiers, and the active ids the write side reads (%s)',
    async (_name, batchSize) => {
      const spec = await database.spec(promotionsProjection());
      await spec.given(events, batchSize ? { batchSize } : {});
      expect(await spec.read((db) => listPriceLists(db, {}))).toMatchObject([
        {
          priceListId: 'wholesale-eur',
          currency: 'EUR',
          customerGroups: ['wholesale'],
          status: 'active',
          products: 1,
        },
        { priceListId: 'retail-usd', currency: 'USD', customerGroups: [], status: 'archived', products: 1 },
      ]);
      expect(
        (await spec.read((db) => listPriceLists(db, { status: 'active' }))).map((l) => l.priceListId),
      ).toEqual(['wholesale-eur']);
      expect(await spec.read((db) => priceListDetail(db, 'wholesale-eur'))).toMatchObject({
        priority: 1,
        prices: [
          {
            productId: 'mug',
            tiers: [
              { minQuantity: 1, amount: 800 },
              { minQuantity: 10, amount: 700 },
            ],
          },
        ],
      });
      expect(await spec.read((db) => priceListDetail(db, 'none'))).toBeNull();
      expect(await spec.read((db) => activePriceListIds(db))).toEqual(['wholesale-eur']);
    },
  );
});
