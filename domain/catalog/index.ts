import type { Decider } from '../decider.ts';
import type { ProductCommand } from './commands.ts';
import { decideProduct } from './decide.ts';
import type { ProductEvent } from './events.ts';
import { evolveProduct } from './evolve.ts';
import { initialProductState, type ProductState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export { isProductEvent, productEventTypes } from './events.ts';

/** Stream `product-{productId}` (see `productStream`). */
export const productDecider: Decider<ProductCommand, ProductEvent, ProductState> = {
  decide: decideProduct,
  evolve: evolveProduct,
  initialState: initialProductState,
};
