import { describe, it } from 'vitest';
import { NoChange, ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { MAX_WISHLIST_ITEMS, WishlistItemNotFound, wishlistDecider, type WishlistEvent } from './index.ts';

const given = specFor(wishlistDecider);
const NOW = '2026-12-05T10:00:00.000Z';
const added = (productId: string): WishlistEvent => ({
  type: 'WishlistItemAdded',
  data: { customerId: 'c-1', productId, at: NOW },
});
const add = (productId: string) =>
  ({ type: 'AddToWishlist', data: { customerId: 'c-1', productId, now: NOW } }) as const;
const remove = (productId: string) =>
  ({ type: 'RemoveFromWishlist', data: { customerId: 'c-1', productId, now: NOW } }) as const;

describe('wishlist', () => {
  it('adds a product once and removes it', () => {
    given([])
      .when(add('p-1'))
      .then([added('p-1')]);
    given([added('p-1')])
      .when(add('p-1'))
      .thenThrows(NoChange, { field: 'productId' });
    given([added('p-1')])
      .when(remove('p-1'))
      .then([{ type: 'WishlistItemRemoved', data: { customerId: 'c-1', productId: 'p-1', at: NOW } }]);
    given([]).when(remove('p-1')).thenThrows(WishlistItemNotFound, { productId: 'p-1' });
  });
  it('refuses a malformed product id and a full wishlist', () => {
    given([]).when(add('p 1')).thenThrows(ValidationFailed, { field: 'productId' });
    const full = Array.from({ length: MAX_WISHLIST_ITEMS }, (_, index) => added(`p-${index}`));
    given(full).when(add('p-new')).thenThrows(ValidationFailed, { field: 'productId' });
  });
});
