import { DomainError } from '../errors.ts';

export class WishlistItemNotFound extends DomainError<{ productId: string }> {
  override readonly name = 'WishlistItemNotFound';
  readonly code = 'wishlist_item_not_found';
  readonly kind = 'not_found';
  constructor(productId: string) {
    super(`Product ${productId} is not on the wishlist`, { productId });
  }
}
