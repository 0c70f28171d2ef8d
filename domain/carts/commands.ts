import type { ConsentSource } from '../customers/events.ts';
import type { Money } from '../money.ts';
import type { Address } from '../orders/events.ts';
import type { CartHoldRecord, CartOwner } from './events.ts';

/**
 * Cart commands. Prices and availability come in from the handler (read from the product and
 * stock streams); the secret comes in hashed (domain/ has no crypto). `now` is the command's time.
 */
export type CartProductFacts = {
  productId: string;
  sku: string;
  unitPrice: Money;
  /** Units available across the stock streams; null when the SKU's stock is untracked. */
  available: number | null;
};

/**
 * What pricing the cart with a code said of it (the handler prices the cart with the code added):
 * it applies, or why not (`unknown`, or the promotion engine's reason: `outside_window`,
 * `condition_unmet`, `limit_reached`, `not_combinable`...).
 */
export type CouponCheck = { applies: true } | { applies: false; reason: string; detail: string };

export type CartCommand =
  | { type: 'CreateCart'; data: { cartId: string; owner: CartOwner; currency: string; now: string } }
  | { type: 'AddLine'; data: { cartId: string; product: CartProductFacts; quantity: number; now: string } }
  | {
      type: 'ChangeQuantity';
      data: { cartId: string; product: CartProductFacts; quantity: number; now: string };
    }
  | { type: 'RemoveLine'; data: { cartId: string; productId: string; now: string } }
  | {
      type: 'SetEmail';
      data: { cartId: string; email: string; marketingConsent: boolean; source: ConsentSource; now: string };
    }
  | { type: 'SetShippingAddress'; data: { cartId: string; address: Address; now: string } }
  | { type: 'ChooseShippingMethod'; data: { cartId: string; shippingMethodId: string; now: string } }
  | { type: 'ApplyCoupon'; data: { cartId: string; code: string; check: CouponCheck; now: string } }
  | { type: 'RemoveCoupon'; data: { cartId: string; code: string; now: string } }
  | { type: 'ClaimCart'; data: { cartId: string; customerId: string; now: string } }
  /** On the customer's cart: the claimed guest cart's lines, merged by `mergeQuantity`. */
  | {
      type: 'MergeLines';
      data: { cartId: string; lines: { product: CartProductFacts; quantity: number }[]; now: string };
    }
  /** On the guest cart whose lines go into the customer's cart: claims it (if still a guest's) and closes it. */
  | { type: 'CloseMerged'; data: { cartId: string; intoCartId: string; customerId: string; now: string } }
  | { type: 'CheckOut'; data: { cartId: string; orderId: string; now: string } }
  /** The holds the handler placed on the stock streams (in the same append), to record on the cart. */
  | {
      type: 'StartCheckout';
      data: { cartId: string; holds: CartHoldRecord[]; expiresAt: string; now: string };
    }
  | {
      type: 'RecordReminder';
      /** `delaysMs`: the sequence, each step's delay after the cart's last activity, increasing. */
      data: {
        cartId: string;
        now: string;
        delaysMs: readonly number[];
        /** The hash of the restore link's secret, and the recovery code issued for the cart. */
        restoreTokenHash?: string;
        couponCode?: string;
      };
    }
  /**
   * Opens the cart from a reminder's restore link: `tokenHash` must be that step's. A guest cart
   * takes `secretHash` as its new secret (null for a customer's cart, opened by signing in).
   */
  | {
      type: 'RestoreCart';
      data: { cartId: string; step: number; tokenHash: string; secretHash: string | null; now: string };
    };
