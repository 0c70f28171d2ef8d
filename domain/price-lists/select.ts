import type { PriceList } from './state.ts';

/** What a line is priced with: a list's tier, or nothing (the base price then applies). */
export type ListPrice = { priceListId: string; amount: number; minQuantity: number };

export type ListPriceQuery = {
  productId: string;
  currency: string;
  /** The buyer's customer groups (none for a guest). */
  groups: readonly string[];
  /** The line's quantity: the tier with the largest `minQuantity` not above it applies. */
  quantity: number;
};

/**
 * The price list that prices a line, by a stated rule:
 *
 * 1. only active lists in the request's currency, whose customer groups include one of the buyer's
 *    (a list without groups is for every buyer), and which have a tier for this quantity;
 * 2. a list for one of the buyer's groups before a list for everyone (wholesale beats the currency's
 *    retail list);
 * 3. then the higher priority; then the lower price; then the smaller list id, so the choice never
 *    depends on the order lists were read in.
 *
 * Null when no list prices the line: the product's base price applies.
 */
export function listPriceFor(lists: readonly PriceList[], query: ListPriceQuery): ListPrice | null {
  let best: (ListPrice & { grouped: boolean; priority: number }) | null = null;
  for (const list of lists) {
    if (list.status !== 'active' || list.currency !== query.currency) continue;
    const grouped = list.customerGroups.length > 0;
    if (grouped && !list.customerGroups.some((group) => query.groups.includes(group))) continue;
    const tier = list.prices[query.productId]?.findLast((t) => t.minQuantity <= query.quantity);
    if (!tier) continue;
    const candidate = {
      priceListId: list.priceListId,
      amount: tier.amount,
      minQuantity: tier.minQuantity,
      grouped,
      priority: list.priority,
    };
    if (best === null || better(candidate, best)) best = candidate;
  }
  return best && { priceListId: best.priceListId, amount: best.amount, minQuantity: best.minQuantity };
}

type Ranked = ListPrice & { grouped: boolean; priority: number };

function better(a: Ranked, b: Ranked): boolean {
  if (a.grouped !== b.grouped) return a.grouped;
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.amount !== b.amount) return a.amount < b.amount;
  return a.priceListId < b.priceListId;
}
