import { describe, expect, it } from 'vitest';
import { replay } from '../decider.ts';
import { NoChange, ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { TaxRegionNotFound, TaxRegionOverlaps } from './errors.ts';
import { computeTax, taxDecider, type TaxEvent, type TaxRegion } from './index.ts';

const given = specFor(taxDecider);

const germany: TaxRegion = {
  regionId: 'de',
  country: 'DE',
  region: null,
  pricesIncludeTax: true,
  ratesBps: { reduced: 700, standard: 1900, zero: 0 },
  shippingTaxClass: 'standard',
};
const california: TaxRegion = {
  regionId: 'us-ca',
  country: 'US',
  region: 'CA',
  pricesIncludeTax: false,
  ratesBps: { standard: 725 },
  shippingTaxClass: null,
};
const usa: TaxRegion = { ...california, regionId: 'us', region: null, ratesBps: { standard: 500 } };
const regionSet = (region: TaxRegion): TaxEvent => ({ type: 'TaxRegionSet', data: { region } });
const set = (region: TaxRegion) => ({ type: 'SetTaxRegion' as const, data: { region } });

describe('the tax table', () => {
  it('sets a region whole, and refuses one equal to the current', () => {
    given([])
      .when(set(germany))
      .then([regionSet(germany)]);
    given([regionSet(germany)])
      .when(set(germany))
      .thenThrows(NoChange);
  });

  it('refuses a region without a standard rate, a rate above 100 %, an unknown shipping class, an overlap', () => {
    given([])
      .when(set({ ...germany, ratesBps: { reduced: 700 }, shippingTaxClass: null }))
      .thenThrows(ValidationFailed, { field: 'region.ratesBps.standard' });
    given([])
      .when(set({ ...germany, ratesBps: { standard: 10_001 } }))
      .thenThrows(ValidationFailed, { field: 'region.ratesBps.standard' });
    given([])
      .when(set({ ...germany, shippingTaxClass: 'luxury' }))
      .thenThrows(ValidationFailed, { field: 'region.shippingTaxClass' });
    given([regionSet(germany)])
      .when(set({ ...germany, regionId: 'de-2' }))
      .thenThrows(TaxRegionOverlaps, { regionId: 'de' });
    given([])
      .when({ type: 'RemoveTaxRegion', data: { regionId: 'de' } })
      .thenThrows(TaxRegionNotFound);
  });

  it('switches rounding to per total, once', () => {
    given([])
      .when({ type: 'SetTaxRounding', data: { rounding: 'total' } })
      .then([{ type: 'TaxRoundingSet', data: { rounding: 'total' } }]);
    given([])
      .when({ type: 'SetTaxRounding', data: { rounding: 'line' } })
      .thenThrows(NoChange);
  });
});

describe('computing tax', () => {
  const state = replay(taxDecider, [regionSet(germany), regionSet(california), regionSet(usa)]);
  const de = { country: 'DE', region: null };

  it('EU: prices include tax; 19 % of 1190 inclusive is 190, 7 % of 107 is 7, shipping at the standard rate', () => {
    const taxed = computeTax(
      state,
      de,
      [
        { sku: 'A', taxClass: 'standard', amount: 1190 },
        { sku: 'B', taxClass: 'reduced', amount: 107 },
        { sku: 'C', taxClass: 'zero', amount: 500 },
      ],
      595,
    );
    expect(taxed).toMatchObject({ regionId: 'de', included: true, total: 190 + 7 + 0 + 95 });
    expect(taxed.lines.map((l) => l.tax)).toEqual([190, 7, 0]);
    expect(taxed.shipping).toEqual({ rateBps: 1900, tax: 95 });
  });

  it('US: tax on top, the state’s rate over the country’s, shipping untaxed, a class it lacks pays standard', () => {
    const taxed = computeTax(
      state,
      { country: 'US', region: 'ca' },
      [{ sku: 'A', taxClass: 'reduced', amount: 1000 }],
      800,
    );
    expect(taxed).toMatchObject({ regionId: 'us-ca', included: false, total: 73 });
    expect(taxed.shipping).toEqual({ rateBps: 0, tax: 0 });
    expect(
      computeTax(
        state,
        { country: 'US', region: 'NY' },
        [{ sku: 'A', taxClass: 'standard', amount: 1000 }],
        0,
      ).total,
    ).toBe(50);
  });

  it('rounds half a minor unit away from zero', () => {
    // 5 % of 10 = 0.5 → 1; 5 % of 30 = 1.5 → 2.
    const ny = { country: 'US', region: 'NY' };
    expect(computeTax(state, ny, [{ sku: 'A', taxClass: 'standard', amount: 10 }], 0).total).toBe(1);
    expect(computeTax(state, ny, [{ sku: 'A', taxClass: 'standard', amount: 30 }], 0).total).toBe(2);
  });

  it('per line: many lines round each; per total: rounded once, shared back so the lines still add up', () => {
    const lines = Array.from({ length: 10 }, (_, i) => ({ sku: `S${i}`, taxClass: 'standard', amount: 10 }));
    const ny = { country: 'US', region: 'NY' };
    // Each line: 0.5 → 1, ten lines → 10. Exactly: 10 × 0.5 = 5.
    expect(computeTax(state, ny, lines, 0).total).toBe(10);
    const perTotal = replay(taxDecider, [
      regionSet(usa),
      { type: 'TaxRoundingSet', data: { rounding: 'total' } },
    ]);
    const taxed = computeTax(perTotal, ny, lines, 0);
    expect(taxed.total).toBe(5);
    expect(taxed.lines.reduce((a, l) => a + l.tax, 0) + taxed.shipping.tax).toBe(5);
  });

  it('taxes nothing where no region covers the address', () => {
    expect(
      computeTax(
        state,
        { country: 'JP', region: null },
        [{ sku: 'A', taxClass: 'standard', amount: 1000 }],
        100,
      ),
    ).toMatchObject({
      regionId: null,
      total: 0,
    });
  });
});
