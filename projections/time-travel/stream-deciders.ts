import { productDecider } from '../../domain/catalog/index.ts';
import type { Decider, DomainEvent } from '../../domain/decider.ts';
import { holdsByOrder, stockDecider, type StockState } from '../../domain/inventory/index.ts';
import { locationDecider } from '../../domain/locations/index.ts';
import { orderDecider } from '../../domain/orders/index.ts';
import { priceChangeDecider } from '../../domain/price-changes/index.ts';
import { promotionDecider } from '../../domain/promotions/index.ts';
import { replenishmentDecider } from '../../domain/replenishment/index.ts';
import { returnPolicyDecider } from '../../domain/return-policy/index.ts';
import { returnedDecider } from '../../domain/returned/index.ts';
import { returnDecider } from '../../domain/returns/index.ts';
import {
  locationStream,
  orderStream,
  priceChangeStream,
  productStream,
  promotionStream,
  replenishmentStream,
  returnPolicyStream,
  returnStream,
  returnedStream,
  shippingConfigStream,
  stockStream,
  taxConfigStream,
} from '../../domain/streams.ts';
import { shippingDecider } from '../../domain/shipping/index.ts';
import { taxDecider } from '../../domain/tax/index.ts';

/** Only the folding half of a decider: what time travel needs. */
export interface Folder {
  initialState(): unknown;
  evolve(state: unknown, event: DomainEvent): unknown;
  /** How a person reads the state, where the decider's own shape is built for speed. */
  present?(state: unknown): unknown;
}

/** Deciders' `evolve` takes their own events; here every event of the stream is one of them. */
const folder = <C, E extends DomainEvent, S>(decider: Decider<C, E, S>): Folder => decider;

/** The category (the part before the first `-`) each stream-name builder of domain/streams.ts yields. */
const categoryOf = (name: (...ids: string[]) => string) => name('x', 'y').split('-')[0]!;

/** Each aggregate's decider by the category of its streams, as named in domain/streams.ts. */
const byCategory = new Map<string, Folder>([
  [categoryOf(productStream), folder(productDecider)],
  [
    categoryOf(stockStream),
    {
      ...folder(stockDecider),
      // Holds live in a persistent trie so reservations stay cheap; show them as order → hold.
      present: (state) => {
        const stock = state as StockState;
        return stock.status === 'tracked' ? { ...stock, holds: holdsByOrder(stock) } : stock;
      },
    },
  ],
  [categoryOf(orderStream), folder(orderDecider)],
  [categoryOf(locationStream), folder(locationDecider)],
  [categoryOf(replenishmentStream), folder(replenishmentDecider)],
  [categoryOf(returnStream), folder(returnDecider)],
  [categoryOf(returnedStream), folder(returnedDecider)],
  [categoryOf(returnPolicyStream), folder(returnPolicyDecider)],
  // The shipping and tax a past order was priced with.
  [categoryOf(shippingConfigStream), folder(shippingDecider)],
  [categoryOf(taxConfigStream), folder(taxDecider)],
  // Which scheduled or mass change moved a price, and a promotion's definition at a moment.
  [categoryOf(priceChangeStream), folder(priceChangeDecider)],
  [categoryOf(promotionStream), folder(promotionDecider)],
]);

/** The categories time travel can fold, for error messages and docs. */
export const foldableCategories: readonly string[] = [...byCategory.keys()];

/** The decider whose `evolve` folds `stream`, by its category; null for streams of no aggregate. */
export function folderForStream(stream: string): { category: string; folder: Folder } | null {
  const category = stream.split('-')[0]!;
  const found = byCategory.get(category);
  return found ? { category, folder: found } : null;
}
