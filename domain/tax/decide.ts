import { NoChange, ValidationFailed } from '../errors.ts';
import { requireKey, requireNonNegativeInt, requireOneOf, requireText } from '../validation.ts';
import type { TaxCommand } from './commands.ts';
import { TaxRegionNotFound, TaxRegionOverlaps } from './errors.ts';
import { taxRoundings, type TaxEvent, type TaxRegion } from './events.ts';
import type { TaxState } from './state.ts';

/** No rate above 100 %, and no more classes than a table can show. */
const MAX_RATE_BPS = 10_000;
const MAX_CLASSES = 50;

export function decideTax(command: TaxCommand, state: TaxState): TaxEvent[] {
  switch (command.type) {
    case 'SetTaxRegion': {
      const region = checkedRegion(command.data.region);
      const overlap = Object.values(state.regions).find(
        (r) => r.regionId !== region.regionId && r.country === region.country && r.region === region.region,
      );
      if (overlap)
        throw new TaxRegionOverlaps({
          regionId: overlap.regionId,
          country: region.country,
          region: region.region,
        });
      const current = state.regions[region.regionId];
      if (current && JSON.stringify(current) === JSON.stringify(region))
        throw new NoChange({ aggregate: 'tax-region', id: region.regionId, field: 'region' });
      return [{ type: 'TaxRegionSet', data: { region } }];
    }
    case 'RemoveTaxRegion': {
      const regionId = requireKey('regionId', command.data.regionId);
      if (!state.regions[regionId]) throw new TaxRegionNotFound(regionId);
      return [{ type: 'TaxRegionRemoved', data: { regionId } }];
    }
    case 'SetTaxRounding': {
      const rounding = requireOneOf('rounding', command.data.rounding, taxRoundings);
      if (rounding === state.rounding)
        throw new NoChange({ aggregate: 'tax', id: 'shop', field: 'rounding' });
      return [{ type: 'TaxRoundingSet', data: { rounding } }];
    }
  }
}

function checkedRegion(region: TaxRegion): TaxRegion {
  requireKey('region.regionId', region.regionId);
  if (!/^[A-Z]{2}$/.test(region.country))
    throw new ValidationFailed('region.country', 'must be an ISO 3166-1 alpha-2 code');
  if (region.region !== null) requireText('region.region', region.region, 100);
  const classes = Object.entries(region.ratesBps);
  if (!Object.hasOwn(region.ratesBps, 'standard'))
    throw new ValidationFailed('region.ratesBps.standard', 'is required');
  if (classes.length > MAX_CLASSES)
    throw new ValidationFailed('region.ratesBps', `at most ${MAX_CLASSES} classes`);
  for (const [taxClass, bps] of classes) {
    requireKey(`region.ratesBps.${taxClass}`, taxClass);
    requireNonNegativeInt(`region.ratesBps.${taxClass}`, bps);
    if (bps > MAX_RATE_BPS)
      throw new ValidationFailed(`region.ratesBps.${taxClass}`, 'must be at most 10000');
  }
  if (region.shippingTaxClass !== null && !Object.hasOwn(region.ratesBps, region.shippingTaxClass))
    throw new ValidationFailed('region.shippingTaxClass', 'must be one of the region’s classes');
  return {
    regionId: region.regionId,
    country: region.country,
    // Matched against addresses ignoring case and spaces.
    region: region.region === null ? null : normalRegion(region.region),
    pricesIncludeTax: region.pricesIncludeTax,
    ratesBps: Object.fromEntries(classes.sort(([a], [b]) => (a < b ? -1 : 1))),
    shippingTaxClass: region.shippingTaxClass,
  };
}

export const normalRegion = (value: string): string => value.replace(/\s+/g, '').toUpperCase();
