import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ProductNotFound } from '../../domain/catalog/errors.ts';
import { AlreadyExists, CurrencyMismatch, InvalidTransition, ValidationFailed } from '../../domain/errors.ts';
import type { ProductState } from '../../domain/catalog/index.ts';
import { priceChangeStream, productStream } from '../../domain/streams.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import { stateAt } from '../../projections/time-travel/time-travel.ts';
import { commandHarness, type Backend, type CommandHarness } from '../../test-support/command-harness.ts';
import { controllableClock, type ControllableClock } from '../../test-support/controllable-clock.ts';
import { soleInstanceLease } from '../scheduling/sole-instance-lease.ts';
import { createPriceChangeScheduler, type PriceChangeScheduler } from './price-change-scheduler.ts';
import type { MassPriceChangeInput, ScheduleMassPriceChangeInput } from './price-change-handlers.ts';

const START = '2026-12-05T10:00:00.000Z';
const HOUR = 3_600_000;
const later = (hours: number) => new Date(Date.parse(START) + hours * HOUR).toISOString();
/** Long enough for a scheduler that was going to fire to have done so (it would, within a tick). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
const eur = (amount: number) => ({ amount, currency: 'EUR' });

/**
 * Scheduled and mass price changes on the real write side: a scheduled price takes effect exactly at
 * its time through the scheduler (also after a restart), as the product's own `PriceChanged`, so
 * time travel shows the price on either side of it; a mass change previews, then applies what it
 * previewed in one append under one reason.
 */
describe.each(['pglite', 'postgres'] as Backend[])('price changes on %s', (backend) => {
  let h: CommandHarness;
  let clock: ControllableClock;
  let scheduler: PriceChangeScheduler | undefined;
  const admin = () => h.context({ id: 'admin-1', role: 'admin' });

  beforeAll(async () => {
    h = await commandHarness(backend);
    h.clock.set(START);
    const products = [
      ['mug', 'kitchen', 'Acme', 1200, 'EUR'],
      ['cup', 'kitchen', 'Other', 800, 'EUR'],
      ['pen', 'office', 'Acme', 250, 'EUR'],
      ['lamp', 'office', 'Other', 3000, 'EUR'],
      ['tray', 'kitchen', 'Other', 99, 'EUR'],
      ['jug', 'kitchen', 'Other', 1000, 'GBP'],
      ['old', 'kitchen', 'Other', 500, 'EUR'],
    ] as const;
    for (const [productId, category, brand, amount, currency] of products)
      await h.handlers.createProduct(
        {
          productId,
          sku: productId.toUpperCase(),
          name: productId,
          description: '',
          brand,
          category,
          attributes: {},
          allowBackorder: false,
          price: { amount, currency },
        },
        admin(),
      );
    // Moved into the kitchen after creation: the selection judges what a product is now.
    await h.handlers.updateProduct('lamp', { category: 'kitchen' }, admin());
    await h.handlers.discontinueProduct('old', 'no longer made', admin());
  });
  afterEach(async () => {
    await scheduler?.stop();
    scheduler = undefined;
  });
  afterAll(() => h.dispose());

  const start = async () => {
    scheduler = createPriceChangeScheduler({
      store: h.store,
      clock,
      ids: uuidV7Ids,
      lease: soleInstanceLease,
      apply: (changeId, context) => h.handlers.applyScheduledPriceChange(changeId, context),
    });
    await scheduler.start();
    return scheduler;
  };
  const price = async (productId: string) => {
    const state = (await stateAt(h.store, productStream(productId), {
      kind: 'time',
      time: new Date(8.64e15),
    }))!.state as ProductState;
    return state.status === 'absent' ? null : state.product.price.amount;
  };
  const priceAt = async (productId: string, iso: string) =>
    (
      (await stateAt(h.store, productStream(productId), { kind: 'time', time: new Date(iso) }))!
        .state as ProductState & { status: 'active' }
    ).product.price.amount;

  describe('scheduled prices', () => {
    it('refuses what could never apply: an unknown product, another currency, a past time', async () => {
      const schedule = (
        prices: { productId: string; price: { amount: number; currency: string } }[],
        effectiveAt = later(1),
      ) => h.handlers.schedulePriceChange({ changeId: 'bad', effectiveAt, reason: 'r', prices }, admin());
      await expect(schedule([{ productId: 'nope', price: eur(1) }])).rejects.toBeInstanceOf(ProductNotFound);
      await expect(schedule([{ productId: 'jug', price: eur(1) }])).rejects.toBeInstanceOf(CurrencyMismatch);
      await expect(schedule([{ productId: 'mug', price: eur(1) }], START)).rejects.toBeInstanceOf(
        ValidationFailed,
      );
      expect(await h.store.readStream(priceChangeStream('bad'))).toEqual([]);
    });

    it('applies the price exactly at its time, survives a restart, and time travel shows both prices', async () => {
      clock = controllableClock(START);
      await h.handlers.schedulePriceChange(
        {
          changeId: 'winter',
          effectiveAt: later(2),
          reason: 'winter prices',
          prices: [
            { productId: 'mug', price: eur(1500) },
            { productId: 'pen', price: eur(250) }, // already there: skipped, named
          ],
        },
        admin(),
      );
      const first = await start();
      expect([...first.pending()]).toEqual([['winter', new Date(later(2))]]);
      clock.advance(2 * HOUR - 1);
      await settle();
      expect(await price('mug')).toBe(1200);
      await first.stop(); // a restart just before the time
      scheduler = undefined;

      clock.advance(1);
      await start();
      await expect.poll(() => price('mug')).toBe(1500);
      const record = (await h.store.readStream(priceChangeStream('winter'))).at(-1)!;
      expect(record).toMatchObject({
        type: 'PriceChangeApplied',
        data: {
          source: { kind: 'scheduled', effectiveAt: later(2) },
          applied: [{ productId: 'mug', from: eur(1200), to: eur(1500) }],
          skipped: [{ productId: 'pen', why: 'unchanged' }],
        },
        metadata: { actor: { id: 'price-change-scheduler', role: 'system' } },
      });
      const changed = (await h.store.readStream(productStream('mug'))).at(-1)!;
      expect(changed).toMatchObject({ type: 'PriceChanged', data: { reason: 'winter prices' } });
      expect(changed.metadata.correlationId).toBe(record.metadata.correlationId);
      expect(await priceAt('mug', later(2))).toBe(1500);
      expect(await priceAt('mug', later(1))).toBe(1200);

      // A second firing (a takeover just after the first) is refused and changes nothing.
      await expect(h.handlers.applyScheduledPriceChange('winter', admin())).rejects.toBeInstanceOf(
        InvalidTransition,
      );
      expect(await price('mug')).toBe(1500);
    });

    it('a cancelled change never applies', async () => {
      clock = controllableClock(later(3));
      h.clock.set(later(3));
      await h.handlers.schedulePriceChange(
        {
          changeId: 'spring',
          effectiveAt: later(5),
          reason: 'spring',
          prices: [{ productId: 'cup', price: eur(700) }],
        },
        admin(),
      );
      const running = await start();
      await expect.poll(() => running.pending().has('spring')).toBe(true);
      await h.handlers.cancelPriceChange('spring', admin());
      await expect.poll(() => running.pending().has('spring')).toBe(false);
      clock.advance(3 * HOUR);
      await settle();
      expect(await price('cup')).toBe(800);
      await expect(h.handlers.cancelPriceChange('spring', admin())).rejects.toBeInstanceOf(InvalidTransition);
    });
  });

  describe('mass price changes', () => {
    const kitchenSale: MassPriceChangeInput = {
      changeId: 'kitchen-sale',
      reason: 'kitchen sale',
      categories: ['kitchen'],
      brands: [],
      adjustment: { kind: 'percent', basisPoints: -1000 },
      rounding: { kind: 'price_point', ending: 99 },
    };

    it('previews without appending, then applies exactly the preview under one reason', async () => {
      const head = await h.store.headPosition();
      const preview = await h.handlers.previewMassPriceChange(kitchenSale);
      expect(await h.store.headPosition()).toEqual(head);
      expect(preview).toEqual({
        applied: [
          { productId: 'cup', from: eur(800), to: eur(699) },
          // A percent moves a price in any currency.
          { productId: 'jug', from: { amount: 1000, currency: 'GBP' }, to: { amount: 899, currency: 'GBP' } },
          { productId: 'lamp', from: eur(3000), to: eur(2699) },
          { productId: 'mug', from: eur(1500), to: eur(1399) },
        ],
        skipped: [
          { productId: 'old', why: 'discontinued' },
          { productId: 'tray', why: 'unchanged' },
        ],
      });

      const result = await h.handlers.applyMassPriceChange(kitchenSale, admin());
      expect({ applied: result.applied, skipped: result.skipped }).toEqual(preview);
      for (const { productId, to } of preview.applied) expect(await price(productId)).toBe(to.amount);
      expect(await price('pen')).toBe(250); // office, not selected
      const [record] = await h.store.readStream(priceChangeStream('kitchen-sale'));
      expect(record).toMatchObject({
        type: 'PriceChangeApplied',
        data: { reason: 'kitchen sale', source: { kind: 'mass', categories: ['kitchen'] }, ...preview },
      });
      for (const { productId } of preview.applied) {
        const changed = (await h.store.readStream(productStream(productId))).at(-1)!;
        expect(changed).toMatchObject({ type: 'PriceChanged', data: { reason: 'kitchen sale' } });
        expect(changed.metadata.correlationId).toBe(record!.metadata.correlationId);
      }

      // The same change id again is refused; nothing moves twice.
      await expect(h.handlers.applyMassPriceChange(kitchenSale, admin())).rejects.toBeInstanceOf(
        AlreadyExists,
      );
      expect(await price('mug')).toBe(1399);
    });

    it('selects by brand too, and refuses a change with no selection or a zero adjustment', async () => {
      const acme = await h.handlers.previewMassPriceChange({
        ...kitchenSale,
        changeId: 'acme-up',
        categories: [],
        brands: ['Acme'],
        adjustment: { kind: 'fixed', amount: 100, currency: 'EUR' },
        rounding: { kind: 'none' },
      });
      expect(acme.applied.map((a) => [a.productId, a.to.amount])).toEqual([
        ['mug', 1499],
        ['pen', 350],
      ]);
      await expect(
        h.handlers.previewMassPriceChange({ ...kitchenSale, categories: [], brands: [] }),
      ).rejects.toMatchObject({ details: { field: 'categories' } });
      await expect(
        h.handlers.applyMassPriceChange(
          { ...kitchenSale, changeId: 'zero', adjustment: { kind: 'fixed', amount: 0, currency: 'EUR' } },
          admin(),
        ),
      ).rejects.toMatchObject({ details: { field: 'adjustment.amount' } });
    });

    it('schedules a mass change that selects and moves the products when it takes effect', async () => {
      clock = controllableClock(later(10));
      h.clock.set(later(10));
      const acmeLater: ScheduleMassPriceChangeInput = {
        ...kitchenSale,
        changeId: 'acme-later',
        categories: [],
        brands: ['Acme'],
        adjustment: { kind: 'fixed', amount: 100, currency: 'EUR' },
        rounding: { kind: 'none' },
        effectiveAt: later(12),
      };
      await expect(
        h.handlers.scheduleMassPriceChange({ ...acmeLater, effectiveAt: later(9) }, admin()),
      ).rejects.toMatchObject({ details: { field: 'effectiveAt' } });
      await h.handlers.scheduleMassPriceChange(acmeLater, admin());
      const running = await start();
      await expect.poll(() => running.pending().get('acme-later')?.toISOString()).toBe(later(12));
      expect(await price('mug')).toBe(1399);
      clock.advance(2 * HOUR);
      await expect.poll(() => price('mug')).toBe(1499);
      expect(await price('pen')).toBe(350);
      const record = (await h.store.readStream(priceChangeStream('acme-later'))).at(-1)!;
      expect(record).toMatchObject({
        type: 'PriceChangeApplied',
        data: {
          reason: 'kitchen sale',
          source: { kind: 'mass', effectiveAt: later(12), brands: ['Acme'] },
          applied: [
            { productId: 'mug', from: eur(1399), to: eur(1499) },
            { productId: 'pen', from: eur(250), to: eur(350) },
          ],
        },
        metadata: { actor: { id: 'price-change-scheduler', role: 'system' } },
      });
      await expect(h.handlers.applyScheduledPriceChange('acme-later', admin())).rejects.toBeInstanceOf(
        InvalidTransition,
      );
    });
  });
});
