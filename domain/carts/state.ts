import type { Money } from '../money.ts';
import type { Address } from '../orders/events.ts';
import type { CartHoldRecord, CartMarketingConsent, CartOwner, CartTotals } from './events.ts';

export type CartLine = {
  productId: string;
  sku: string;
  quantity: number;
  /** The price and availability when the line was added or last changed (see `CartLineAdded`). */
  unitPrice: Money;
  available: number | null;
  addedAt: string;
};

export type CartStatus = 'open' | 'merged' | 'checked_out';

export type CartState =
  | { status: 'absent' }
  | {
      status: CartStatus;
      cartId: string;
      owner: CartOwner;
      currency: string;
      lines: Record<string, CartLine>;
      email: { address: string; marketingConsent: CartMarketingConsent } | null;
      shippingAddress: Address | null;
      shippingMethodId: string | null;
      totals: CartTotals | null;
      lastActivityAt: string;
      /** Steps of the reminder sequence sent since the shopper last touched the cart. */
      remindersSent: number;
      orderId: string | null;
      /**
       * The checkout holds by product id, as `CheckoutStarted` recorded them; a line's change drops
       * its own. A hold past `expiresAt` may already be released on its stock streams.
       */
      holds?: Record<string, CartLineHold>;
      /** The reminders' restore links (token hashes by step) and recovery code; absent before any. */
      recovery?: { tokenHashes: Record<number, string>; couponCode: string | null };
      /**
       * The coupon codes the cart is priced with, normalized, in the order they were entered (a
       * recovery code joins them when its link restores the cart).
       */
      couponCodes?: readonly string[];
    };

export type CartLineHold = CartHoldRecord & { expiresAt: string };

export type OpenCart = Exclude<CartState, { status: 'absent' }>;

export const initialCartState = (): CartState => ({ status: 'absent' });

/** Lines per cart, and units per line: a cart is a basket, not a warehouse order. */
export const MAX_CART_LINES = 100;
export const MAX_LINE_QUANTITY = 999;
/** Codes per cart: enough for a shared code and a recovery code, not a dictionary attack. */
export const MAX_CART_COUPONS = 5;

export const cartCouponCodes = (state: OpenCart): readonly string[] => state.couponCodes ?? [];

/** The data subject whose key seals the cart's personal fields. */
export function cartSubject(state: OpenCart): string {
  return state.owner.kind === 'customer' ? state.owner.customerId : guestCartSubject(state.cartId);
}

export const guestCartSubject = (cartId: string): string => `guest-cart-${cartId}`;
