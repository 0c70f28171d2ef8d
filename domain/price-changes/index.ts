import type { Decider } from '../decider.ts';
import type { PriceChangeCommand } from './commands.ts';
import { decidePriceChange, evolvePriceChange } from './decide.ts';
import type { PriceChangeEvent } from './events.ts';
import { initialPriceChangeState, type PriceChangeState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export { isPriceChangeEvent, priceChangeEventTypes } from './events.ts';
export { adjustPrice, validateAdjustment } from './adjust.ts';
export { MAX_PRICES_PER_CHANGE } from './decide.ts';

/**
 * Stream `pricechange-{changeId}` (see `priceChangeStream`): a scheduled price change, or the record
 * of a mass change, appended atomically with the products' `PriceChanged` events.
 */
export const priceChangeDecider: Decider<PriceChangeCommand, PriceChangeEvent, PriceChangeState> = {
  decide: decidePriceChange,
  evolve: evolvePriceChange,
  initialState: initialPriceChangeState,
};
