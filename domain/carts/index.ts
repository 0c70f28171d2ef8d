import type { Decider } from '../decider.ts';
import type { CartCommand } from './commands.ts';
import { decideCart } from './decide.ts';
import type { CartEvent } from './events.ts';
import { evolveCart } from './evolve.ts';
import { initialCartState, type CartState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export { cartEventTypes, isCartEvent } from './events.ts';
export { mergeQuantity, withTotals } from './decide.ts';
export {
  cartCouponCodes,
  cartSubject,
  guestCartSubject,
  MAX_CART_COUPONS,
  MAX_CART_LINES,
  MAX_LINE_QUANTITY,
} from './state.ts';
export { CartChanged, reviewCheckout } from './checkout-changes.ts';
export type { CheckoutChange, CheckoutProduct, CheckoutReview } from './checkout-changes.ts';
export {
  CartClosed,
  CartEditedDuringCheckout,
  CartCouponNotFound,
  CartLineNotFound,
  CouponNotApplicable,
  CartNotFound,
  CartQuantityUnavailable,
  ReminderNotDue,
} from './errors.ts';

/** Stream `cart-{cartId}` (see `cartStream`): a shopper's cart, a customer's or a guest's. */
export const cartDecider: Decider<CartCommand, CartEvent, CartState> = {
  decide: decideCart,
  evolve: evolveCart,
  initialState: initialCartState,
};
