/**
 * The shop's shipping configuration: zones (where), each with its methods (how, and for how much).
 * One stream, `shipping-shop`; each zone is replaced whole by `ShippingZoneSet`, so the stream reads
 * as the history of every zone and time travel shows the rates an order was priced with.
 */

/** A band of a banded rate: up to `upTo` (inclusive; null = no upper bound) costs `amount`. */
export type RateBand = { upTo: number | null; amount: number };

/**
 * How a method's fee is computed, in the method's currency (integer minor units):
 * - `flat`: one fee per order;
 * - `weight`: by the order's total weight in grams (products carry a unit weight);
 * - `subtotal`: by the discounted merchandise subtotal in minor units.
 * Bands are ordered by `upTo`; the first band whose `upTo` holds the figure applies, and the last
 * band has `upTo: null` so every order falls in one.
 */
export type RateRule =
  | { kind: 'flat'; amount: number }
  | { kind: 'weight'; bands: RateBand[] }
  | { kind: 'subtotal'; bands: RateBand[] };
export const rateKinds: readonly RateRule['kind'][] = ['flat', 'weight', 'subtotal'];

export type ShippingMethod = {
  /** Unique across every zone: an order names its method by this id alone. */
  methodId: string;
  name: string;
  currency: string;
  rate: RateRule;
  /** Free when the discounted subtotal reaches this (minor units); null = never free by amount. */
  freeOver: number | null;
  /** The delivery estimate in days, so a storefront can show an estimated date. */
  minDays: number;
  maxDays: number;
};

export type ShippingZone = {
  zoneId: string;
  name: string;
  /** ISO 3166-1 alpha-2 codes. */
  countries: string[];
  /** Regions (states, provinces) as addresses spell them; empty = every region of the countries. */
  regions: string[];
  /** Postcode prefixes; empty = every postcode. */
  postalPrefixes: string[];
  methods: ShippingMethod[];
};

export type ShippingZoneSet = { type: 'ShippingZoneSet'; data: { zone: ShippingZone } };
export type ShippingZoneRemoved = { type: 'ShippingZoneRemoved'; data: { zoneId: string } };

export type ShippingEvent = ShippingZoneSet | ShippingZoneRemoved;

const types: Record<ShippingEvent['type'], true> = { ShippingZoneSet: true, ShippingZoneRemoved: true };

export const shippingEventTypes = Object.keys(types) as ShippingEvent['type'][];

export function isShippingEvent(event: { type: string }): event is ShippingEvent {
  return Object.hasOwn(types, event.type);
}
