/** The handler checks that the product exists before adding it (the decider cannot read it). */
export type WishlistCommand =
  | { type: 'AddToWishlist'; data: { customerId: string; productId: string; now: string } }
  | { type: 'RemoveFromWishlist'; data: { customerId: string; productId: string; now: string } };
