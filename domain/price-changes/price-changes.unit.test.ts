import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlreadyExists, InvalidTransition, ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { PriceChangeNotFound } from './errors.ts';
import {
  adjustPrice,
  priceChangeDecider,
  validateAdjustment,
  type PriceChangeEvent,
  type RecordPriceChangeApplied,
  type SchedulePriceChange,
} from './index.ts';

const given = specFor(priceChangeDecider);
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const NOW = '2026-12-05T10:00:00.000Z';
const LATER = '2026-12-06T00:00:00.000Z';

const schedule = (overrides: Partial<SchedulePriceChange['data']> = {}): SchedulePriceChange => ({
  type: 'SchedulePriceChange',
  data: {
    changeId: 'c1',
    effectiveAt: LATER,
    reason: 'winter prices',
    prices: [{ productId: 'mug', price: eur(1500) }],
    now: NOW,
    ...overrides,
  },
});
const scheduled: PriceChangeEvent = {
  type: 'PriceChangeScheduled',
  data: {
    changeId: 'c1',
    effectiveAt: LATER,
    reason: 'winter prices',
    prices: [{ productId: 'mug', price: eur(1500) }],
  },
};
const applyScheduled: RecordPriceChangeApplied = {
  type: 'RecordPriceChangeApplied',
  data: {
    changeId: 'c1',
    reason: 'winter prices',
    source: { kind: 'scheduled', effectiveAt: LATER },
    applied: [{ productId: 'mug', from: eur(1200), to: eur(1500) }],
    skipped: [],
  },
};
const applied: PriceChangeEvent = { type: 'PriceChangeApplied', data: applyScheduled.data };
const applyMass: RecordPriceChangeApplied = {
  type: 'RecordPriceChangeApplied',
  data: {
    changeId: 'm1',
    reason: 'autumn sale',
    source: {
      kind: 'mass',
      categories: ['kitchen'],
      brands: [],
      adjustment: { kind: 'percent', basisPoints: -1000 },
      rounding: { kind: 'price_point', ending: 99 },
    },
    applied: [{ productId: 'mug', from: eur(1200), to: eur(1099) }],
    skipped: [{ productId: 'pen', why: 'unchanged' }],
  },
};

describe('SchedulePriceChange', () => {
  it('schedules prices for a future time', () => {
    given([]).when(schedule()).then([scheduled]);
  });
  it('refuses a time that is not in the future, naming effectiveAt', () => {
    given([])
      .when(schedule({ effectiveAt: NOW }))
      .thenThrows(ValidationFailed, { field: 'effectiveAt' });
  });
  it('refuses no products, a product twice and a negative price', () => {
    given([])
      .when(schedule({ prices: [] }))
      .thenThrows(ValidationFailed, { field: 'prices' });
    given([])
      .when(
        schedule({
          prices: [
            { productId: 'mug', price: eur(1) },
            { productId: 'mug', price: eur(2) },
          ],
        }),
      )
      .thenThrows(ValidationFailed, { field: 'prices[1]' });
    given([])
      .when(schedule({ prices: [{ productId: 'mug', price: eur(-1) }] }))
      .thenThrows(ValidationFailed, { field: 'prices.0.price.amount' });
  });
  it('refuses a change id already used', () => {
    given([scheduled]).when(schedule()).thenThrows(AlreadyExists);
  });
});

describe('CancelPriceChange and applying', () => {
  const cancel = { type: 'CancelPriceChange', data: { changeId: 'c1' } } as const;
  it('cancels a scheduled change, and only that', () => {
    given([scheduled])
      .when(cancel)
      .then([{ type: 'PriceChangeCancelled', data: { changeId: 'c1' } }]);
    given([scheduled, applied]).when(cancel).thenThrows(InvalidTransition, { from: 'applied' });
    given([]).when(cancel).thenThrows(PriceChangeNotFound);
  });
  it('applies a scheduled change once: a second firing is refused', () => {
    given([scheduled]).when(applyScheduled).then([applied]);
    given([scheduled, applied]).when(applyScheduled).thenThrows(InvalidTransition, { from: 'applied' });
    given([scheduled, { type: 'PriceChangeCancelled', data: { changeId: 'c1' } }])
      .when(applyScheduled)
      .thenThrows(InvalidTransition, { from: 'cancelled' });
  });
  it('records a mass change on a new stream only', () => {
    given([])
      .when(applyMass)
      .then([{ type: 'PriceChangeApplied', data: applyMass.data }]);
    given([{ type: 'PriceChangeApplied', data: applyMass.data }])
      .when(applyMass)
      .thenThrows(AlreadyExists);
  });
});

describe('adjustPrice', () => {
  const none = { kind: 'none' } as const;
  const point = { kind: 'price_point', ending: 99 } as const;
  it('takes a percent off, rounding half away from zero, then to the nearest x.99', () => {
    expect(adjustPrice(eur(1200), { kind: 'percent', basisPoints: -1000 }, none)).toEqual(eur(1080));
    expect(adjustPrice(eur(1200), { kind: 'percent', basisPoints: -1000 }, point)).toEqual(eur(1099));
    expect(adjustPrice(eur(1234), { kind: 'percent', basisPoints: 500 }, point)).toEqual(eur(1299));
    expect(adjustPrice(eur(5), { kind: 'percent', basisPoints: -1000 }, none)).toEqual(eur(4)); // 0.50 off, rounded away from zero to 1
    expect(adjustPrice(eur(1249), { kind: 'fixed', amount: 100, currency: 'EUR' }, point)).toEqual(eur(1399));
    expect(adjustPrice(eur(1250), { kind: 'fixed', amount: -1, currency: 'EUR' }, point)).toEqual(eur(1299)); // 12.49: 12.99 is 50, 11.99 is 50: a tie goes up
  });
  it('never prices below zero, and moves a price by a fixed amount of its own currency only', () => {
    expect(
      adjustPrice({ amount: 300, currency: 'GBP' }, { kind: 'fixed', amount: -100, currency: 'EUR' }, none),
    ).toBe('currency_mismatch');
    expect(adjustPrice(eur(300), { kind: 'fixed', amount: -500, currency: 'EUR' }, none)).toBe('negative');
    expect(adjustPrice(eur(30), { kind: 'fixed', amount: -10, currency: 'EUR' }, point)).toEqual(eur(99));
  });
  it('refuses a zero or −100 % adjustment, an ending past 99, and a result past a safe integer', () => {
    expect(() => adjustPrice(eur(2 ** 52), { kind: 'percent', basisPoints: 100_000 }, none)).toThrow(
      ValidationFailed,
    );
    expect(() => validateAdjustment({ kind: 'percent', basisPoints: -10_000 }, none)).toThrow(
      ValidationFailed,
    );
    expect(() => validateAdjustment({ kind: 'fixed', amount: 0, currency: 'EUR' }, none)).toThrow(
      ValidationFailed,
    );
    expect(() =>
      validateAdjustment({ kind: 'fixed', amount: 1, currency: 'EUR' }, { kind: 'price_point', ending: 100 }),
    ).toThrow(ValidationFailed);
  });
  it('property: a price point result ends in the point, within 50 minor units of the adjusted price', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: -9_999, max: 50_000 }),
        fc.integer({ min: 0, max: 99 }),
        (amount, basisPoints, ending) => {
          const plain = adjustPrice(eur(amount), { kind: 'percent', basisPoints }, none);
          const pointed = adjustPrice(
            eur(amount),
            { kind: 'percent', basisPoints },
            { kind: 'price_point', ending },
          );
          // A percent above −100 % never makes a price negative, and a percent has no currency.
          if (typeof plain === 'string' || typeof pointed === 'string')
            throw new Error('a percent skipped a product');
          expect(Number.isSafeInteger(pointed.amount)).toBe(true);
          expect(pointed.amount % 100).toBe(ending);
          expect(pointed.amount).toBeGreaterThanOrEqual(0);
          if (plain.amount >= ending) expect(Math.abs(pointed.amount - plain.amount)).toBeLessThanOrEqual(50);
        },
      ),
    );
  });
});
