/** A customer's wishlist (`wishlist-{customerId}`): products, no quantities, no personal data. */
export type WishlistItemAdded = {
  type: 'WishlistItemAdded';
  data: { customerId: string; productId: string; at: string };
};
export type WishlistItemRemoved = {
  type: 'WishlistItemRemoved';
  data: { customerId: string; productId: string; at: string };
};

export type WishlistEvent = WishlistItemAdded | WishlistItemRemoved;

const types: Record<WishlistEvent['type'], true> = { WishlistItemAdded: true, WishlistItemRemoved: true };

export const wishlistEventTypes = Object.keys(types) as WishlistEvent['type'][];

export function isWishlistEvent(event: { type: string }): event is WishlistEvent {
  return Object.hasOwn(types, event.type);
}
