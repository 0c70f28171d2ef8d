import type { Money } from '../money.ts';

/** A product's new price in a price change. */
export type PriceTarget = { productId: string; price: Money };

/** A mass change's selection and arithmetic, kept on the record so it can be explained later. */
export type MassSelection = {
  categories: string[];
  brands: string[];
  adjustment: PriceAdjustment;
  rounding: PriceRounding;
};

/**
 * Percent in basis points (−1000 = 10 % off, 500 = 5 % up), which moves a price in any currency, or
 * a fixed amount in minor units of one currency (products priced in another are skipped).
 */
export type PriceAdjustment =
  { kind: 'percent'; basisPoints: number } | { kind: 'fixed'; amount: number; currency: string };

/** `price_point`: the result is moved down to the nearest price ending in `ending` minor units (x.99). */
export type PriceRounding = { kind: 'none' } | { kind: 'price_point'; ending: number };

/** What applying a change did to one product. */
export type AppliedPrice = { productId: string; from: Money; to: Money };
/**
 * A product the change left alone, and why: it is gone, discontinued, priced in another currency,
 * already at the price, or a mass change would take it below zero.
 */
export type SkippedPrice = {
  productId: string;
  why: 'not_found' | 'discontinued' | 'currency_mismatch' | 'unchanged' | 'negative';
};

/**
 * `prices` for a change of named products; a scheduled mass change has none and its `mass` selection
 * instead, applied to the products as they stand when it takes effect.
 */
export type PriceChangeScheduled = {
  type: 'PriceChangeScheduled';
  data: {
    changeId: string;
    effectiveAt: string;
    reason: string;
    prices: PriceTarget[];
    mass?: MassSelection;
  };
};
export type PriceChangeCancelled = { type: 'PriceChangeCancelled'; data: { changeId: string } };
/**
 * Appended in the same atomic append as the products' `PriceChanged` events, so the record of the
 * change and the prices themselves never disagree. `source` says whether a schedule came due or a
 * mass change was applied (with its selection).
 */
export type PriceChangeApplied = {
  type: 'PriceChangeApplied';
  data: {
    changeId: string;
    reason: string;
    /** A mass change scheduled for later records its `effectiveAt` too. */
    source:
      { kind: 'scheduled'; effectiveAt: string } | ({ kind: 'mass'; effectiveAt?: string } & MassSelection);
    applied: AppliedPrice[];
    skipped: SkippedPrice[];
  };
};

export type PriceChangeEvent = PriceChangeScheduled | PriceChangeCancelled | PriceChangeApplied;

const types: Record<PriceChangeEvent['type'], true> = {
  PriceChangeScheduled: true,
  PriceChangeCancelled: true,
  PriceChangeApplied: true,
};

export const priceChangeEventTypes = Object.keys(types) as PriceChangeEvent['type'][];

export function isPriceChangeEvent(event: { type: string }): event is PriceChangeEvent {
  return Object.hasOwn(types, event.type);
}
