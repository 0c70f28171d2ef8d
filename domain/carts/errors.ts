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
