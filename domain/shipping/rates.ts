import type { Address } from '../orders/events.ts';
import { ShippingMethodUnavailable } from './errors.ts';
import type { RateBand, ShippingMethod, ShippingZone } from './events.ts';
import { normalPlace } from './decide.ts';
import type { ShippingState } from './state.ts';

/** What the fee depends on: the discounted merchandise subtotal and the parcel's weight. */
export type ShippingBasis = { currency: string; subtotal: number; weightGrams: number };

/** One method an address can choose, with its fee for these lines and its delivery estimate. */
export type ShippingOption = {
  methodId: string;
  zoneId: string;
  name: string;
  fee: number;
  currency: string;
  minDays: number;
  maxDays: number;
};

type Where = Pick<Address, 'country' | 'region' | 'postalCode'>;

/**
 * The zone that ships to an address: among the zones naming its country (and its region and a
 * prefix of its postcode, where the zone lists them), the most specific one wins: a postcode
 * prefix (the longest) over a region over the whole country; ties go to the lowest zone id, so
 * the answer never depends on the order zones were set in.
 */
export function zoneFor(state: ShippingState, address: Where): ShippingZone | null {
  const region = address.region === null ? null : normalPlace(address.region);
  const postcode = normalPlace(address.postalCode);
  let best: { zone: ShippingZone; score: number } | null = null;
  for (const zone of Object.values(state.zones)) {
    if (!zone.countries.includes(address.country)) continue;
    if (zone.regions.length > 0 && (region === null || !zone.regions.includes(region))) continue;
    const prefix = zone.postalPrefixes
      .filter((p) => postcode.startsWith(p))
      .sort((a, b) => b.length - a.length)[0];
    if (zone.postalPrefixes.length > 0 && prefix === undefined) continue;
    const score = (prefix === undefined ? 0 : 1000 + prefix.length) + (zone.regions.length > 0 ? 100 : 0);
    if (!best || score > best.score || (score === best.score && zone.zoneId < best.zone.zoneId))
      best = { zone, score };
  }
  return best?.zone ?? null;
}

/** Every method the address's zone offers in this currency, cheapest first. */
export function shippingOptions(
  state: ShippingState,
  address: Where,
  basis: ShippingBasis,
): ShippingOption[] {
  const zone = zoneFor(state, address);
  if (!zone) return [];
  return zone.methods
    .filter((m) => m.currency === basis.currency)
    .map((m) => option(zone, m, basis))
    .sort((a, b) => a.fee - b.fee || a.methodId.localeCompare(b.methodId));
}

/** The chosen method's option for this address, or a refusal naming why it cannot ship there. */
export function chosenShipping(
  state: ShippingState,
  methodId: string,
  address: Where,
  basis: ShippingBasis,
): ShippingOption {
  const refuse = (why: 'unknown_method' | 'not_in_zone' | 'currency') =>
    new ShippingMethodUnavailable({ field: 'shippingMethodId', methodId, country: address.country, why });
  const known = Object.values(state.zones).some((z) => z.methods.some((m) => m.methodId === methodId));
  if (!known) throw refuse('unknown_method');
  const zone = zoneFor(state, address);
  const method = zone?.methods.find((m) => m.methodId === methodId);
  if (!zone || !method) throw refuse('not_in_zone');
  if (method.currency !== basis.currency) throw refuse('currency');
  return option(zone, method, basis);
}

function option(zone: ShippingZone, method: ShippingMethod, basis: ShippingBasis): ShippingOption {
  return {
    methodId: method.methodId,
    zoneId: zone.zoneId,
    name: method.name,
    fee: methodFee(method, basis),
    currency: method.currency,
    minDays: method.minDays,
    maxDays: method.maxDays,
  };
}

/** The fee of one method: free over its threshold, else its rate rule. */
export function methodFee(method: ShippingMethod, basis: ShippingBasis): number {
  if (method.freeOver !== null && basis.subtotal >= method.freeOver) return 0;
  switch (method.rate.kind) {
    case 'flat':
      return method.rate.amount;
    case 'weight':
      return banded(method.rate.bands, basis.weightGrams);
    case 'subtotal':
      return banded(method.rate.bands, basis.subtotal);
  }
}

function banded(bands: readonly RateBand[], figure: number): number {
  // The decider keeps the last band open, so a band always matches.
  const band = bands.find((b) => b.upTo === null || figure <= b.upTo) ?? bands[bands.length - 1]!;
  return band.amount;
}
