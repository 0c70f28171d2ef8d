import { assertNever } from '../assert-never.ts';
import { NoChange, ValidationFailed } from '../errors.ts';
import { requireKey } from '../validation.ts';
import type { WishlistCommand } from './commands.ts';
import { WishlistItemNotFound } from './errors.ts';
import type { WishlistEvent } from './events.ts';
import { MAX_WISHLIST_ITEMS, type WishlistState } from './state.ts';

export function decideWishlist(command: WishlistCommand, state: WishlistState): WishlistEvent[] {
  const { customerId, productId, now } = command.data;
  requireKey('productId', productId);
  const present = state.productIds.includes(productId);
  switch (command.type) {
    case 'AddToWishlist':
      if (present) throw new NoChange({ aggregate: 'wishlist', id: customerId, field: 'productId' });
      if (state.productIds.length >= MAX_WISHLIST_ITEMS)
        throw new ValidationFailed('productId', `a wishlist holds at most ${MAX_WISHLIST_ITEMS} products`);
      return [{ type: 'WishlistItemAdded', data: { customerId, productId, at: now } }];
    case 'RemoveFromWishlist':
      if (!present) throw new WishlistItemNotFound(productId);
      return [{ type: 'WishlistItemRemoved', data: { customerId, productId, at: now } }];
    default:
      return assertNever(command);
  }
}
