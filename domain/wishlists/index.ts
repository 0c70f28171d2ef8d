import type { Decider } from '../decider.ts';
import type { WishlistCommand } from './commands.ts';
import { decideWishlist } from './decide.ts';
import type { WishlistEvent } from './events.ts';
import { evolveWishlist } from './evolve.ts';
import { initialWishlistState, type WishlistState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export { isWishlistEvent, wishlistEventTypes } from './events.ts';
export { MAX_WISHLIST_ITEMS } from './state.ts';
export { WishlistItemNotFound } from './errors.ts';

/** Stream `wishlist-{customerId}` (see `wishlistStream`): the products a customer keeps for later. */
export const wishlistDecider: Decider<WishlistCommand, WishlistEvent, WishlistState> = {
  decide: decideWishlist,
  evolve: evolveWishlist,
  initialState: initialWishlistState,
};
