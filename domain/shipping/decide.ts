import { NoChange, ValidationFailed } from '../errors.ts';
import { money } from '../money.ts';
import {
  requireKey,
  requireNonNegativeInt,
  requireOneOf,
  requireText,
  requireUnique,
} from '../validation.ts';
import type { ShippingCommand } from './commands.ts';
import { ShippingMethodTaken, ShippingZoneNotFound } from './errors.ts';
import {
  rateKinds,
  type RateBand,
  type RateRule,
  type ShippingEvent,
  type ShippingMethod,
  type ShippingZone,
} from './events.ts';
import type { ShippingState } from './state.ts';

/** No delivery estimate beyond a year, no more bands or methods than a person can read. */
const MAX_DAYS = 365;
const MAX_METHODS = 20;
const MAX_BANDS = 50;
const MAX_PLACES = 300;

export function decideShipping(command: ShippingCommand, state: ShippingState): ShippingEvent[] {
  switch (command.type) {
    case 'SetShippingZone': {
      const zone = checkedZone(command.data.zone);
      for (const method of zone.methods) {
        const owner = Object.values(state.zones).find(
          (other) =>
            other.zoneId !== zone.zoneId && other.methods.some((m) => m.methodId === method.methodId),
        );
        if (owner) throw new ShippingMethodTaken({ methodId: method.methodId, zoneId: owner.zoneId });
      }
      const current = state.zones[zone.zoneId];
      if (current && JSON.stringify(current) === JSON.stringify(zone))
        throw new NoChange({ aggregate: 'shipping-zone', id: zone.zoneId, field: 'zone' });
      return [{ type: 'ShippingZoneSet', data: { zone } }];
    }
    case 'RemoveShippingZone': {
      const zoneId = requireKey('zoneId', command.data.zoneId);
      if (!state.zones[zoneId]) throw new ShippingZoneNotFound(zoneId);
      return [{ type: 'ShippingZoneRemoved', data: { zoneId } }];
    }
  }
}

/** A zone as it will be stored: validated, copied field by field, places normalized. */
function checkedZone(zone: ShippingZone): ShippingZone {
  requireKey('zone.zoneId', zone.zoneId);
  requireText('zone.name', zone.name);
  if (zone.countries.length === 0) throw new ValidationFailed('zone.countries', 'must name a country');
  if (zone.countries.length > MAX_PLACES)
    throw new ValidationFailed('zone.countries', `at most ${MAX_PLACES}`);
  zone.countries.forEach((c, i) => {
    if (!/^[A-Z]{2}$/.test(c))
      throw new ValidationFailed(`zone.countries[${i}]`, 'must be an ISO 3166-1 alpha-2 code');
  });
  requireUnique('zone.countries', zone.countries);
  if (zone.regions.length > MAX_PLACES) throw new ValidationFailed('zone.regions', `at most ${MAX_PLACES}`);
  zone.regions.forEach((r, i) => requireText(`zone.regions[${i}]`, r, 100));
  if (zone.postalPrefixes.length > MAX_PLACES)
    throw new ValidationFailed('zone.postalPrefixes', `at most ${MAX_PLACES}`);
  zone.postalPrefixes.forEach((p, i) => requireText(`zone.postalPrefixes[${i}]`, p, 20));
  if (zone.methods.length === 0) throw new ValidationFailed('zone.methods', 'must offer a method');
  if (zone.methods.length > MAX_METHODS) throw new ValidationFailed('zone.methods', `at most ${MAX_METHODS}`);
  requireUnique(
    'zone.methods',
    zone.methods.map((m) => m.methodId),
  );
  return {
    zoneId: zone.zoneId,
    name: zone.name,
    countries: [...zone.countries],
    // Matching ignores case and spaces ("sw1a" and "SW1A 1AA"), so they are stored that way.
    regions: zone.regions.map(normalPlace),
    postalPrefixes: zone.postalPrefixes.map(normalPlace),
    methods: zone.methods.map((m, i) => checkedMethod(`zone.methods[${i}]`, m)),
  };
}

function checkedMethod(path: string, method: ShippingMethod): ShippingMethod {
  requireKey(`${path}.methodId`, method.methodId);
  requireText(`${path}.name`, method.name);
  money(0, method.currency, `${path}.currency`);
  if (method.freeOver !== null) requireNonNegativeInt(`${path}.freeOver`, method.freeOver);
  requireNonNegativeInt(`${path}.minDays`, method.minDays);
  requireNonNegativeInt(`${path}.maxDays`, method.maxDays);
  if (method.maxDays > MAX_DAYS) throw new ValidationFailed(`${path}.maxDays`, `must be at most ${MAX_DAYS}`);
  if (method.minDays > method.maxDays)
    throw new ValidationFailed(`${path}.minDays`, 'must not be more than maxDays');
  return {
    methodId: method.methodId,
    name: method.name,
    currency: method.currency,
    rate: checkedRate(`${path}.rate`, method.rate),
    freeOver: method.freeOver,
    minDays: method.minDays,
    maxDays: method.maxDays,
  };
}

function checkedRate(path: string, rate: RateRule): RateRule {
  requireOneOf(`${path}.kind`, rate.kind, rateKinds);
  if (rate.kind === 'flat')
    return { kind: 'flat', amount: requireNonNegativeInt(`${path}.amount`, rate.amount) };
  return { kind: rate.kind, bands: checkedBands(`${path}.bands`, rate.bands) };
}

function checkedBands(path: string, bands: RateBand[]): RateBand[] {
  if (bands.length === 0) throw new ValidationFailed(path, 'must have a band');
  if (bands.length > MAX_BANDS) throw new ValidationFailed(path, `at most ${MAX_BANDS} bands`);
  bands.forEach((band, i) => {
    requireNonNegativeInt(`${path}[${i}].amount`, band.amount);
    const last = i === bands.length - 1;
    if (last !== (band.upTo === null))
      throw new ValidationFailed(`${path}[${i}].upTo`, 'only the last band, and it always, is open (null)');
    if (band.upTo !== null) {
      requireNonNegativeInt(`${path}[${i}].upTo`, band.upTo);
      const before = bands[i - 1]?.upTo;
      if (before !== undefined && before !== null && band.upTo <= before)
        throw new ValidationFailed(`${path}[${i}].upTo`, 'must grow from band to band');
    }
  });
  return bands.map((b) => ({ upTo: b.upTo, amount: b.amount }));
}

export const normalPlace = (value: string): string => value.replace(/\s+/g, '').toUpperCase();
