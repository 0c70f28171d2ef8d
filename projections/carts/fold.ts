/**
 * The carts read model's batch fold: pure, in memory. Carts and wishlists are loaded (or made by
 * their first event) and changed in place; each changed one is written whole at the batch's end.
 */
import { guestCartSubject, isCartEvent, type CartEvent } from '../../domain/carts/index.ts';
import { isWishlistEvent, type WishlistEvent } from '../../domain/wishlists/index.ts';
import type { RecordedEvent } from '../../ports/event-store.ts';
import type { CartRow, WishlistRow } from './tables.ts';

export interface CartModels {
  carts: Map<string, CartRow>;
  wishlists: Map<string, WishlistRow>;
}

export const emptyCartModels = (): CartModels => ({ carts: new Map(), wishlists: new Map() });

export const cartIdsOf = (events: readonly RecordedEvent[]) => [
  ...new Set(events.filter(isCartEvent).map((event) => (event.data as { cartId: string }).cartId)),
];
export const wishlistIdsOf = (events: readonly RecordedEvent[]) => [
  ...new Set(
    events.filter(isWishlistEvent).map((event) => (event.data as { customerId: string }).customerId),
  ),
];

export function foldCarts(
  models: CartModels,
  events: readonly RecordedEvent[],
): { carts: CartRow[]; wishlists: WishlistRow[] } {
  const changedCarts = new Set<string>();
  const changedWishlists = new Set<string>();
  for (const recorded of events) {
    if (isCartEvent(recorded)) {
      if (foldCart(models.carts, recorded)) changedCarts.add(recorded.data.cartId);
    } else if (isWishlistEvent(recorded)) {
      const event = recorded as unknown as WishlistEvent;
      foldWishlist(models.wishlists, event);
      changedWishlists.add(event.data.customerId);
    }
  }
  return {
    carts: [...changedCarts].map((id) => models.carts.get(id)!),
    wishlists: [...changedWishlists].map((id) => models.wishlists.get(id)!),
  };
}

function foldCart(carts: Map<string, CartRow>, event: CartEvent): boolean {
  const { cartId } = event.data;
  if (event.type === 'CartCreated') {
    const { owner, currency, at } = event.data;
    carts.set(cartId, {
      cart_id: cartId,
      customer_id: owner.kind === 'customer' ? owner.customerId : null,
      subject_id: owner.kind === 'customer' ? owner.customerId : guestCartSubject(cartId),
      secret_hash: owner.kind === 'guest' ? owner.secretHash : null,
      currency,
      status: 'open',
      lines: [],
      email: null,
      marketing_consent: null,
      consent_source: null,
      consent_at: null,
      shipping_address: null,
      shipping_method_id: null,
      totals: null,
      coupon_codes: [],
      order_id: null,
      merged_into: null,
      reminder_sent: false,
      created_at: at,
      updated_at: at,
    });
    return true;
  }
  const row = carts.get(cartId);
  if (!row) return false;
  // A change carries the figures it moved (`PricedChange`); older carts have them in a
  // `CartTotalsComputed` after the change.
  if ('totals' in event.data && event.data.totals !== undefined) row.totals = event.data.totals;
  switch (event.type) {
    case 'CartLineAdded': {
      const { productId, sku, quantity, unitPrice, available, at } = event.data;
      row.lines = [
        ...row.lines,
        { productId, sku, quantity, unitPrice: unitPrice.amount, available, addedAt: at },
      ];
      row.updated_at = at;
      break;
    }
    case 'CartLineQuantityChanged': {
      const { productId, quantity, unitPrice, available, at } = event.data;
      row.lines = row.lines.map((line) =>
        line.productId === productId
          ? { ...line, quantity, unitPrice: unitPrice.amount, available, addedAt: at }
          : line,
      );
      row.updated_at = at;
      break;
    }
    case 'CartLineRemoved':
      row.lines = row.lines.filter((line) => line.productId !== event.data.productId);
      row.updated_at = event.data.at;
      break;
    case 'CartEmailSet': {
      const { email, marketingConsent, at } = event.data;
      row.email = email;
      row.marketing_consent = marketingConsent.granted;
      row.consent_source = marketingConsent.source;
      row.consent_at = marketingConsent.at;
      row.updated_at = at;
      break;
    }
    case 'CartShippingAddressSet':
      row.shipping_address = event.data.shippingAddress;
      row.updated_at = event.data.at;
      break;
    case 'CartShippingMethodChosen':
      row.shipping_method_id = event.data.shippingMethodId;
      row.updated_at = event.data.at;
      break;
    case 'CartTotalsComputed':
      break; // its totals were taken above
    case 'CartCouponApplied':
      row.coupon_codes = [...row.coupon_codes, event.data.code];
      row.updated_at = event.data.at;
      break;
    case 'CartCouponRemoved':
      row.coupon_codes = row.coupon_codes.filter((code) => code !== event.data.code);
      row.updated_at = event.data.at;
      break;
    case 'CartClaimed':
      // The secret no longer opens it; what was sealed under the guest's key stays so.
      row.customer_id = event.data.customerId;
      row.secret_hash = null;
      row.updated_at = event.data.at;
      break;
    case 'CartMergedInto':
      row.status = 'merged';
      row.merged_into = event.data.intoCartId;
      row.updated_at = event.data.at;
      break;
    case 'CartCheckedOut':
      row.status = 'checked_out';
      row.order_id = event.data.orderId;
      row.updated_at = event.data.at;
      break;
    case 'CartReminderSent':
      row.reminder_sent = true;
      break;
    case 'CartRestored':
      // A guest cart restored from a reminder's link opens with its new secret only.
      if (event.data.secretHash !== null) row.secret_hash = event.data.secretHash;
      row.updated_at = event.data.at;
      break;
    case 'CheckoutStarted':
      // The holds live on the stock streams (the inventory read model counts them as reserved).
      row.updated_at = event.data.at;
      break;
  }
  return true;
}

function foldWishlist(wishlists: Map<string, WishlistRow>, event: WishlistEvent): void {
  const { customerId, productId, at } = event.data;
  const row = wishlists.get(customerId) ?? { customer_id: customerId, items: [], updated_at: at };
  row.items =
    event.type === 'WishlistItemAdded'
      ? [...row.items, { productId, addedAt: at }]
      : row.items.filter((item) => item.productId !== productId);
  row.updated_at = at;
  wishlists.set(customerId, row);
}
