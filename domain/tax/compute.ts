import { splitAmount } from '../money.ts';
import type { Address } from '../orders/events.ts';
import { normalRegion } from './decide.ts';
import type { TaxRegion, TaxRounding } from './events.ts';
import type { TaxState } from './state.ts';

/** One taxable amount: a line after its discounts, keyed by SKU. */
export type TaxableLine = { sku: string; taxClass: string; amount: number };

export type LineTax = { sku: string; taxClass: string; rateBps: number; tax: number };

/**
 * The tax of an order. `included` says whether the amounts already held it (EU style: the tax is
 * shown, not added) or it comes on top (US style). `regionId` null: no region covers the address,
 * and nothing is taxed.
 */
export type TaxResult = {
  regionId: string | null;
  included: boolean;
  rounding: TaxRounding;
  lines: LineTax[];
  shipping: { rateBps: number; tax: number };
  total: number;
};

/** The region of an address: its state or province's own, else its country's, else none. */
export function taxRegionFor(
  state: TaxState,
  address: Pick<Address, 'country' | 'region'>,
): TaxRegion | null {
  const regions = Object.values(state.regions).filter((r) => r.country === address.country);
  const own = address.region === null ? null : normalRegion(address.region);
  return (
    regions.find((r) => r.region !== null && r.region === own) ??
    regions.find((r) => r.region === null) ??
    null
  );
}

/** The rate of a class in a region; a class the region does not list pays the standard rate. */
export const rateOf = (region: TaxRegion, taxClass: string): number =>
  region.ratesBps[taxClass] ?? region.ratesBps['standard'] ?? 0;

/**
 * Tax on the discounted lines and on shipping, for the address's region. Exclusive: tax = amount ×
 * rate. Inclusive: the amount holds its tax, tax = amount × rate / (1 + rate). Rounding half away
 * from zero, per line (and shipping) by default; with `total`, the exact sum is rounded once and
 * shared back over the lines by largest remainder, so the lines still add up to the total.
 */
export function computeTax(
  state: TaxState,
  address: Pick<Address, 'country' | 'region'>,
  lines: readonly TaxableLine[],
  shipping: number,
): TaxResult {
  const region = taxRegionFor(state, address);
  if (!region) {
    return {
      regionId: null,
      included: false,
      rounding: state.rounding,
      lines: lines.map((l) => ({ sku: l.sku, taxClass: l.taxClass, rateBps: 0, tax: 0 })),
      shipping: { rateBps: 0, tax: 0 },
      total: 0,
    };
  }
  const shippingRate = region.shippingTaxClass === null ? 0 : rateOf(region, region.shippingTaxClass);
  const items = [
    ...lines.map((l) => ({ amount: l.amount, rateBps: rateOf(region, l.taxClass) })),
    { amount: shipping, rateBps: shippingRate },
  ];
  const exact = items.map((item) => exactTax(item.amount, item.rateBps, region.pricesIncludeTax));
  const taxes = state.rounding === 'line' ? exact.map(roundHalfAway) : sharedTotal(exact);
  const total = taxes.reduce((a, b) => a + b, 0);
  return {
    regionId: region.regionId,
    included: region.pricesIncludeTax,
    rounding: state.rounding,
    lines: lines.map((l, i) => ({
      sku: l.sku,
      taxClass: l.taxClass,
      rateBps: items[i]!.rateBps,
      tax: taxes[i]!,
    })),
    shipping: { rateBps: shippingRate, tax: taxes[taxes.length - 1]! },
    total,
  };
}

/** A tax as an exact fraction (numerator, denominator), so nothing is rounded before its time. */
type Fraction = { n: bigint; d: bigint };

function exactTax(amount: number, rateBps: number, included: boolean): Fraction {
  const n = BigInt(amount) * BigInt(rateBps);
  return { n, d: included ? 10_000n + BigInt(rateBps) : 10_000n };
}

/** Half away from zero: 0.5 → 1, −0.5 → −1 (refunds reverse tax with the same rule). */
function roundHalfAway({ n, d }: Fraction): number {
  const sign = n < 0n ? -1n : 1n;
  const magnitude = n * sign;
  const quotient = magnitude / d;
  const twice = (magnitude % d) * 2n;
  return Number((twice >= d ? quotient + 1n : quotient) * sign);
}

function sharedTotal(exact: readonly Fraction[]): number[] {
  const sum = exact.reduce((a, b) => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d }), { n: 0n, d: 1n });
  const total = roundHalfAway(sum);
  if (total === 0) return exact.map(() => 0);
  // Shares by the exact amounts, in millionths of a minor unit (an integer weight for `splitAmount`).
  const weights = exact.map(({ n, d }) => Number((n * 1_000_000n) / d));
  return splitAmount(total, weights);
}
