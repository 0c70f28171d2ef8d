/**
 * One quantity tier of a price list's price: from `minQuantity` units on a line, each unit costs
 * `amount` minor units of the list's currency.
 */
export type PriceTier = { minQuantity: number; amount: number };

/** A product's prices in a list, tiers in ascending `minQuantity`. */
export type PriceListEntry = { productId: string; tiers: PriceTier[] };

export type PriceListCreated = {
  type: 'PriceListCreated';
  data: {
    priceListId: string;
    name: string;
    /** Every price of the list is in this currency (a multi-currency catalogue has a list per currency). */
    currency: string;
    /** Customers of one of these groups get the list; empty: every buyer (a list for a currency). */
    customerGroups: string[];
    /** Among lists of the same kind that price a product, the highest priority wins. */
    priority: number;
  };
};
/** Sets (replaces) the tiers of the products named; other products of the list keep theirs. */
export type PriceListPricesSet = {
  type: 'PriceListPricesSet';
  data: { priceListId: string; prices: PriceListEntry[] };
};
export type PriceListPricesRemoved = {
  type: 'PriceListPricesRemoved';
  data: { priceListId: string; productIds: string[] };
};
/** The list no longer prices anything; its history stays. */
export type PriceListArchived = { type: 'PriceListArchived'; data: { priceListId: string } };

export type PriceListEvent =
  PriceListCreated | PriceListPricesSet | PriceListPricesRemoved | PriceListArchived;

const types: Record<PriceListEvent['type'], true> = {
  PriceListCreated: true,
  PriceListPricesSet: true,
  PriceListPricesRemoved: true,
  PriceListArchived: true,
};

export const priceListEventTypes = Object.keys(types) as PriceListEvent['type'][];

export function isPriceListEvent(event: { type: string }): event is PriceListEvent {
  return Object.hasOwn(types, event.type);
}
