import {
  listPriceFor,
  priceListDecider,
  type PriceList,
  type PriceListState,
} from '../../domain/price-lists/index.ts';
import type { Money } from '../../domain/money.ts';
import type { PricingLine } from '../../domain/pricing/price-breakdown.ts';
import { priceListStream } from '../../domain/streams.ts';
import { asStepDecider } from '../runtime/steps.ts';
import type { Load } from './stream-load.ts';

/**
 * The ids of the active price lists (the composition root reads them from the promotions read
 * model, `ops/compose/active-price-lists.ts`). Each list is then read from its own stream, which has
 * the last word on its status and prices: the ids only say which streams to read.
 */
export type ActivePriceListIds = () => Promise<readonly string[]>;

export const noPriceLists: ActivePriceListIds = () => Promise.resolve([]);

/** Who a price is for: the request's currency and the buyer's customer groups (none for a guest). */
export type PriceFor = { currency: string; groups: readonly string[] };

/** Unit prices from the price lists, each line by `listPriceFor`; a line no list prices keeps its base price. */
export async function priceFromLists<Line extends Pick<PricingLine, 'productId' | 'quantity' | 'unitPrice'>>(
  load: Load,
  activeIds: ActivePriceListIds,
  buyer: PriceFor,
  lines: readonly Line[],
): Promise<Line[]> {
  const lists = await loadLists(load, activeIds, buyer.currency);
  if (lists.length === 0) return [...lines];
  return lines.map((line) => ({ ...line, unitPrice: unitPrice(lists, buyer, line) }));
}

/** One unit's price for `quantity` units of a product whose base price is `base`. */
export async function listUnitPrice(
  load: Load,
  activeIds: ActivePriceListIds,
  buyer: PriceFor,
  line: { productId: string; quantity: number; unitPrice: Money },
): Promise<Money> {
  return unitPrice(await loadLists(load, activeIds, buyer.currency), buyer, line);
}

function unitPrice(
  lists: readonly PriceList[],
  buyer: PriceFor,
  line: { productId: string; quantity: number; unitPrice: Money },
): Money {
  const listed = listPriceFor(lists, {
    productId: line.productId,
    currency: buyer.currency,
    groups: buyer.groups,
    quantity: line.quantity,
  });
  return listed ? { amount: listed.amount, currency: buyer.currency } : line.unitPrice;
}

async function loadLists(load: Load, activeIds: ActivePriceListIds, currency: string): Promise<PriceList[]> {
  const ids = await activeIds();
  if (ids.length === 0) return [];
  const states = await Promise.all(
    ids.map((id) => load<PriceListState>(priceListStream(id), asStepDecider(priceListDecider))),
  );
  return states.filter((s): s is PriceList => s.status === 'active' && s.currency === currency);
}
