import { DomainError } from '../errors.ts';

/**
 * No such cart, or not the caller's (a guest without the right secret, another customer): one
 * answer for both, so nobody learns that someone else's cart exists.
 */
export class CartNotFound extends DomainError<{ cartId: string }> {
  override readonly name = 'CartNotFound';
  readonly code = 'cart_not_found';
  readonly kind = 'not_found';
  constructor(cartId: string) {
    super(`Cart ${cartId} does not exist`, { cartId });
  }
}

/** The cart is merged or checked out: it takes no more changes. */
export class CartClosed extends DomainError<{ cartId: string; status: string }> {
  override readonly name = 'CartClosed';
  readonly code = 'cart_closed';
  readonly kind = 'conflict';
  constructor(cartId: string, status: string) {
    super(`Cart ${cartId} is ${status} and takes no more changes`, { cartId, status });
  }
}

/**
 * The cart's lines, address, method or codes changed while it was being checked out (another tab,
 * another device): nothing was placed. Show the cart again and check out what it holds now.
 */
export class CartEditedDuringCheckout extends DomainError<{ cartId: string }> {
  override readonly name = 'CartEditedDuringCheckout';
  readonly code = 'cart_edited_during_checkout';
  readonly kind = 'conflict';
  constructor(cartId: string) {
    super(`Cart ${cartId} changed while it was being checked out: nothing was placed, check it out again`, {
      cartId,
    });
  }
}

/** More units asked for than the stock streams have available. */
export class CartQuantityUnavailable extends DomainError<{
  sku: string;
  requested: number;
  available: number;
}> {
  override readonly name = 'CartQuantityUnavailable';
  readonly code = 'quantity_unavailable';
  readonly kind = 'conflict';
  constructor(sku: string, requested: number, available: number) {
    super(`Only ${available} of ${sku} available, ${requested} asked for`, { sku, requested, available });
  }
}

export class CartLineNotFound extends DomainError<{ cartId: string; productId: string }> {
  override readonly name = 'CartLineNotFound';
  readonly code = 'cart_line_not_found';
  readonly kind = 'not_found';
  constructor(cartId: string, productId: string) {
    super(`Cart ${cartId} has no line for product ${productId}`, { cartId, productId });
  }
}

/** Why a reminder may not go (no email, no consent, checked out, already sent). */
export class ReminderNotDue extends DomainError<{ cartId: string; reason: string }> {
  override readonly name = 'ReminderNotDue';
  readonly code = 'reminder_not_due';
  readonly kind = 'rule';
  constructor(cartId: string, reason: string) {
    super(`No reminder for cart ${cartId}: ${reason}`, { cartId, reason });
  }
}

export type CouponNotApplicableDetails = { field: 'code'; code: string; why: string; reason: string };

/**
 * The code cannot go on the cart: unknown, expired or not yet valid, or its promotion does not
 * apply to the cart as it stands (`why`: the engine's reason). Answered 400 naming the field `code`.
 */
export class CouponNotApplicable extends DomainError<CouponNotApplicableDetails> {
  override readonly name = 'CouponNotApplicable';
  readonly code = 'coupon_not_applicable';
  readonly kind = 'invalid';
  constructor(code: string, why: string, reason: string) {
    super(`Code ${code} does not apply: ${reason}`, { field: 'code', code, why, reason });
  }
}

/** The cart does not carry that code. */
export class CartCouponNotFound extends DomainError<{ cartId: string; code: string }> {
  override readonly name = 'CartCouponNotFound';
  readonly code = 'cart_coupon_not_found';
  readonly kind = 'not_found';
  constructor(cartId: string, code: string) {
    super(`Cart ${cartId} has no code ${code}`, { cartId, code });
  }
}
