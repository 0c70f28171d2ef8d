import type { Decider } from '../decider.ts';
import type { PriceListCommand } from './commands.ts';
import { decidePriceList, evolvePriceList } from './decide.ts';
import type { PriceListEvent } from './events.ts';
import { initialPriceListState, type PriceListState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export type { ListPrice, ListPriceQuery } from './select.ts';
export { isPriceListEvent, priceListEventTypes } from './events.ts';
export { listPriceFor } from './select.ts';
export { MAX_PRICES_PER_COMMAND } from './decide.ts';

/**
 * Stream `pricelist-{priceListId}` (see `priceListStream`): prices of some products in one currency,
 * for every buyer or for some customer groups, with quantity tiers. A cart or an order picks the
 * matching list per line (`listPriceFor`) and falls back to the product's base price.
 */
export const priceListDecider: Decider<PriceListCommand, PriceListEvent, PriceListState> = {
  decide: decidePriceList,
  evolve: evolvePriceList,
  initialState: initialPriceListState,
};
