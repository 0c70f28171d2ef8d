import type { ConsentSource } from '../customers/events.ts';
import type { Money } from '../money.ts';
import type { Address } from '../orders/events.ts';

/**
 * Cart events (`cart-{cartId}`). A cart belongs to a customer or to a guest; a guest cart stores
 * only the hash of its secret. Personal data (the email, the shipping address) sits in `email` and
 * `shippingAddress`, sealed with the key of `subjectId` (the customer, or `guest-cart-{cartId}` for a
 * guest), see `domain/privacy/personal-fields.ts`.
 */
export type CartOwner = { kind: 'customer'; customerId: string } | { kind: 'guest'; secretHash: string };

/** The figures the price pipeline gave for the cart as it stood (integer minor units). */
export type CartTotals = {
  subtotal: Money;
  discounts: { promotionId: string; code: string | null; label: string; amount: Money }[];
  discountTotal: Money;
  shipping: Money;
  tax: Money;
  total: Money;
  /**
   * The promotions that were looked at and did not apply, with why (condition unmet, limit
   * reached, not combinable with X, outside its window): absent when every one applied.
   */
  notApplied?: CartPromotionNotApplied[];
};

export type CartPromotionNotApplied = {
  promotionId: string;
  code: string | null;
  reason: string;
  detail: string;
};

export type CartMarketingConsent = { granted: boolean; source: ConsentSource; at: string };

/**
 * A change the price pipeline looked at carries `totals`, the cart's figures after it, when it moved
 * them: the change and its figures are one event. Carts changed before this field record them in a
 * `CartTotalsComputed` after the change, which folds the same.
 */
export type PricedChange = { totals?: CartTotals };

export type CartCreated = {
  type: 'CartCreated';
  data: { cartId: string; owner: CartOwner; currency: string; at: string };
};
/**
 * `unitPrice` and `available` are what the shopper saw when the line was added or last changed, so
 * the view can say what changed since (`available` is null for untracked stock).
 */
export type CartLineAdded = {
  type: 'CartLineAdded';
  data: PricedChange & {
    cartId: string;
    productId: string;
    sku: string;
    quantity: number;
    unitPrice: Money;
    available: number | null;
    at: string;
  };
};
export type CartLineQuantityChanged = {
  type: 'CartLineQuantityChanged';
  data: PricedChange & {
    cartId: string;
    productId: string;
    quantity: number;
    unitPrice: Money;
    available: number | null;
    at: string;
  };
};
export type CartLineRemoved = {
  type: 'CartLineRemoved';
  data: PricedChange & { cartId: string; productId: string; at: string };
};
export type CartEmailSet = {
  type: 'CartEmailSet';
  data: PricedChange & {
    cartId: string;
    subjectId: string;
    email: string;
    marketingConsent: CartMarketingConsent;
    at: string;
  };
};
export type CartShippingAddressSet = {
  type: 'CartShippingAddressSet';
  data: PricedChange & { cartId: string; subjectId: string; shippingAddress: Address; at: string };
};
export type CartShippingMethodChosen = {
  type: 'CartShippingMethodChosen';
  data: PricedChange & { cartId: string; shippingMethodId: string; at: string };
};
/**
 * The server's totals, never the client's: appended after every change that moved a figure until
 * the change carried them itself (`PricedChange`); now only for figures that moved without one.
 */
export type CartTotalsComputed = {
  type: 'CartTotalsComputed';
  data: { cartId: string; totals: CartTotals; at: string };
};
/** A coupon code (normalized: trimmed, upper case) the cart's pricing now uses; it applied when entered. */
export type CartCouponApplied = {
  type: 'CartCouponApplied';
  data: PricedChange & { cartId: string; code: string; at: string };
};
export type CartCouponRemoved = {
  type: 'CartCouponRemoved';
  data: PricedChange & { cartId: string; code: string; at: string };
};
/** A guest cart became the customer's: the secret no longer opens it. */
export type CartClaimed = {
  type: 'CartClaimed';
  data: PricedChange & { cartId: string; customerId: string; at: string };
};
/** A claimed guest cart whose lines went into the customer's existing cart; it is closed. */
export type CartMergedInto = {
  type: 'CartMergedInto';
  data: { cartId: string; intoCartId: string; customerId: string; at: string };
};
export type CartCheckedOut = {
  type: 'CartCheckedOut';
  data: { cartId: string; orderId: string; at: string };
};
/**
 * A step of the abandoned-cart reminder sequence went out: `step` (0 first) of the sequence that
 * began when the cart was last touched, at `idleSince`. Reminders recorded before the sequence
 * carry neither (they were the one reminder of their time, step 0).
 */
export type CartReminderSent = {
  type: 'CartReminderSent';
  data: {
    cartId: string;
    at: string;
    step?: number;
    idleSince?: string;
    /** The hash of the secret the mail's restore link carries (the link itself is mailed once). */
    restoreTokenHash?: string;
    /** The single-use recovery code issued for this cart (a unique code of the recovery promotion). */
    couponCode?: string;
  };
};
/**
 * The shopper opened a reminder's restore link (`step`: which reminder). A guest cart gets a new
 * secret (its hash here), the link being the credential; the recovery code, if any, now applies.
 */
export type CartRestored = {
  type: 'CartRestored';
  data: PricedChange & {
    cartId: string;
    step: number;
    secretHash: string | null;
    couponCode: string | null;
    at: string;
  };
};

/**
 * The shopper started checkout: these lines' units are held on the stock streams (`StockHeld`, in
 * the same append) until `expiresAt`, at the locations the allocation strategy picked. A line
 * already held and unchanged keeps its hold and is not listed again.
 */
export type CheckoutStarted = {
  type: 'CheckoutStarted';
  data: {
    cartId: string;
    holds: CartHoldRecord[];
    expiresAt: string;
    at: string;
  };
};
export type CartHoldRecord = {
  productId: string;
  sku: string;
  quantity: number;
  allocations: { location: string; quantity: number }[];
};

export type CartEvent =
  | CartCreated
  | CartLineAdded
  | CartLineQuantityChanged
  | CartLineRemoved
  | CartEmailSet
  | CartShippingAddressSet
  | CartShippingMethodChosen
  | CartTotalsComputed
  | CartCouponApplied
  | CartCouponRemoved
  | CartClaimed
  | CartMergedInto
  | CartCheckedOut
  | CartReminderSent
  | CheckoutStarted
  | CartRestored;

const types: Record<CartEvent['type'], true> = {
  CartCreated: true,
  CartLineAdded: true,
  CartLineQuantityChanged: true,
  CartLineRemoved: true,
  CartEmailSet: true,
  CartShippingAddressSet: true,
  CartShippingMethodChosen: true,
  CartTotalsComputed: true,
  CartCouponApplied: true,
  CartCouponRemoved: true,
  CartClaimed: true,
  CartMergedInto: true,
  CartCheckedOut: true,
  CartReminderSent: true,
  CheckoutStarted: true,
  CartRestored: true,
};

export const cartEventTypes = Object.keys(types) as CartEvent['type'][];

export function isCartEvent(event: { type: string }): event is CartEvent {
  return Object.hasOwn(types, event.type);
}
