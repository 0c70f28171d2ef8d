import { assertNever } from '../assert-never.ts';
import type { WishlistEvent } from './events.ts';
import type { WishlistState } from './state.ts';

export function evolveWishlist(state: WishlistState, event: WishlistEvent): WishlistState {
  switch (event.type) {
    case 'WishlistItemAdded':
      return { productIds: [...state.productIds, event.data.productId] };
    case 'WishlistItemRemoved':
      return { productIds: state.productIds.filter((id) => id !== event.data.productId) };
    default:
      return assertNever(event);
  }
}
