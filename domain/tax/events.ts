/**
 * The shop's tax table: regions (a country, or one of its states or provinces) with a rate per tax
 * class, and how amounts are rounded. One stream, `tax-shop`; a region is replaced whole by
 * `TaxRegionSet`. The built-in table is the default tax provider (see `docs/checkout.md`).
 */
export type TaxRegion = {
  regionId: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** A state or province as addresses spell it; null = the whole country. */
  region: string | null;
  /** EU style (true): prices already hold the tax. US style (false): tax is added on top. */
  pricesIncludeTax: boolean;
  /**
   * Rate per tax class in basis points (2000 = 20 %). `standard` is required and also applies to a
   * product whose class the region does not list; `reduced`, `zero` or shop-defined classes may follow.
   */
  ratesBps: Record<string, number>;
  /** The class whose rate shipping pays; null = shipping is not taxed in this region. */
  shippingTaxClass: string | null;
};

/** `line`: each line (and shipping) rounded, then summed. `total`: summed exactly, rounded once. */
export type TaxRounding = 'line' | 'total';
export const taxRoundings: readonly TaxRounding[] = ['line', 'total'];

export type TaxRegionSet = { type: 'TaxRegionSet'; data: { region: TaxRegion } };
export type TaxRegionRemoved = { type: 'TaxRegionRemoved'; data: { regionId: string } };
export type TaxRoundingSet = { type: 'TaxRoundingSet'; data: { rounding: TaxRounding } };

export type TaxEvent = TaxRegionSet | TaxRegionRemoved | TaxRoundingSet;

const types: Record<TaxEvent['type'], true> = {
  TaxRegionSet: true,
  TaxRegionRemoved: true,
  TaxRoundingSet: true,
};

export const taxEventTypes = Object.keys(types) as TaxEvent['type'][];

export function isTaxEvent(event: { type: string }): event is TaxEvent {
  return Object.hasOwn(types, event.type);
}
