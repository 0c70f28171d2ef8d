export type WishlistState = { productIds: readonly string[] };

export const initialWishlistState = (): WishlistState => ({ productIds: [] });

/** Items per wishlist: enough for any shopper, bounded so the stream stays small. */
export const MAX_WISHLIST_ITEMS = 200;
