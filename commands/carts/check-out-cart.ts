import { ProductNotFound } from '../../domain/catalog/errors.ts';
import {
  cartCouponCodes,
  CartChanged,
  CartClosed,
  cartDecider,
  CartEditedDuringCheckout,
  cartSubject,
  reviewCheckout,
  type CartState,
  type CartTotals,
  type CheckoutProduct,
  type CheckoutReview,
  type OpenCart,
} from '../../domain/carts/index.ts';
import { isDomainError, ValidationFailed } from '../../domain/errors.ts';
import { ShippingMethodUnavailable } from '../../domain/shipping/errors.ts';
import { cartStream } from '../../domain/streams.ts';
import type { LocationDirectory } from '../locations/location-directory.ts';
import type { PlacedAndPayable } from '../orders/place-and-open-payment.ts';
import type { PlaceOrderInput } from '../orders/placement.ts';
import type { CustomerHistory } from '../pricing/customer-history.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { asStepDecider } from '../runtime/steps.ts';
import type { CartAccess } from './cart-access.ts';
import { productNow } from './cart-facts.ts';
import { readOnce, runtimeLoad } from '../pricing/stream-load.ts';
import type { CartHandlers } from './cart-handlers.ts';
import { toCartTotals, type CartPricer } from './cart-pricer.ts';
import { CART_CHANNEL, pricingRequestFor } from './cart-pricing.ts';
import type { ActivePriceListIds } from '../pricing/price-lists.ts';

export interface CheckoutDeps {
  carts: Pick<CartHandlers, 'cartFor'>;
  /** The placement saga (`commands/orders/place-and-open-payment.ts`): reserve, place, open the payment. */
  placeOrder: (input: PlaceOrderInput, context: CommandContext) => Promise<PlacedAndPayable>;
  /** The placement an earlier run of this request appended, with its payment; null if none did. */
  placedEarlier: (orderId: string, context: CommandContext) => Promise<PlacedAndPayable | null>;
  runtime: CommandRuntime;
  locations: LocationDirectory;
  /** The cart's pricer, the one its totals came from, so "changed" means the figures moved. */
  pricer: CartPricer;
  history: CustomerHistory;
  /** The active price lists, as the cart's lines were priced from them. */
  priceLists: ActivePriceListIds;
}

export interface CheckoutInput {
  /**
   * The total the shopper agreed to, in minor units. Absent: the cart's last computed total (what
   * the cart showed). After a 409 `cart_changed`, the client sends the answer's `expectedTotal`.
   */
  expectedTotal?: number;
}

/**
 * Checks a cart out in one atomic append: the order, its reservations (the cart's holds converted),
 * any redemptions, and the cart's `CartCheckedOut`. The placement prices the cart on the server
 * and refuses, appending nothing, whatever would make the order other than what the shopper saw:
 * a product gone or discontinued, stock short, the method gone, a total other than the confirmed
 * one, or the cart changed meanwhile. Only then is the cart reviewed (products, stock, prices,
 * promotions, shipping, tax against what it last showed), so that a refusal lists every change
 * (`CartChanged`, 409); a checkout that goes through never pays for that second look.
 *
 * The order's id is the cart's, so one cart places at most one order. A retry under the same
 * Idempotency-Key whose first run got as far as the append answers that first run's placement.
 * A guest's order is recorded under the guest cart's subject, whose key seals its address like
 * the cart's.
 */
export async function checkOutCart(
  deps: CheckoutDeps,
  cartId: string,
  access: CartAccess,
  input: CheckoutInput,
  context: CommandContext,
): Promise<PlacedAndPayable & { cartId: string }> {
  const cart = await deps.carts.cartFor(cartId, access);
  if (cart.status !== 'open') {
    // A retry whose first run checked the cart out (and then lost its answer): that run's order.
    const earlier = cart.orderId === cartId ? await deps.placedEarlier(cartId, context) : null;
    if (earlier) return { ...earlier, cartId };
    throw new CartClosed(cartId, cart.status);
  }
  const lines = Object.values(cart.lines).map((line) => ({
    productId: line.productId,
    quantity: line.quantity,
  }));
  if (lines.length === 0) throw new ValidationFailed('lines', 'the cart is empty');
  if (!cart.shippingAddress) throw new ValidationFailed('shippingAddress', 'is needed before checkout');
  const confirmedTotal = input.expectedTotal ?? cart.totals?.total.amount ?? 0;

  let placed: PlacedAndPayable;
  try {
    placed = await deps.placeOrder(
      {
        orderId: cartId,
        customerId: cartSubject(cart),
        currency: cart.currency,
        lines,
        shippingAddress: cart.shippingAddress,
        // The order is priced as the cart was: the same method, buyer and channel, through the
        // same pipeline, and at the total the shopper confirmed. A guest is priced as nobody in
        // particular (no groups, no first order), as the cart was.
        ...(cart.shippingMethodId ? { shippingMethodId: cart.shippingMethodId } : {}),
        channel: CART_CHANNEL,
        ...(cart.owner.kind === 'guest' ? { customer: null } : {}),
        // The cart's codes are redeemed as `POST /orders` redeems them: atomically with the order.
        couponCodes: [...cartCouponCodes(cart)],
        // Started checkout: the cart's holds become the order's reservations in the same append.
        holdsOf: cartId,
        expectedTotal: confirmedTotal,
        // The cart is marked checked out in the same append, as it stood when it was read.
        alsoAppend: async (load) => {
          const now = await load<CartState>(cartStream(cartId), cartStep);
          if (now.status !== 'open') throw new CartClosed(cartId, now.status);
          if (!sameOrder(cart, now)) throw new CartEditedDuringCheckout(cartId);
          return [
            {
              stream: cartStream(cartId),
              decider: cartStep,
              command: { type: 'CheckOut', data: { cartId, orderId: cartId, now: context.now } },
            },
          ];
        },
      },
      context,
    );
  } catch (error) {
    // Refused: say what changed since the shopper last saw the cart, if anything did.
    if (!isDomainError(error)) throw error;
    const review = await reviewNow(deps, cart, confirmedTotal, context.now);
    if (review.blocking) throw changed(cart, review);
    throw error;
  }
  return { ...placed, cartId };
}

const cartStep = asStepDecider(cartDecider);

/** Whether the cart still asks for the order it was read for: lines, address, method, codes. */
function sameOrder(read: OpenCart, now: CartState): boolean {
  if (now.status === 'absent') return false;
  const wanted = (cart: OpenCart) =>
    JSON.stringify([
      Object.values(cart.lines).map((line) => [line.productId, line.quantity]),
      cart.shippingAddress,
      cart.shippingMethodId,
      cartCouponCodes(cart),
    ]);
  return now === read || wanted(read) === wanted(now);
}

const changed = (cart: OpenCart, review: CheckoutReview) =>
  new CartChanged(cart.cartId, cart.currency, review.changes, review.total);

/**
 * The cart's products, stock and figures as the streams hold them now (read, never appended),
 * compared with what the cart last showed.
 */
async function reviewNow(
  deps: CheckoutDeps,
  cart: OpenCart,
  confirmedTotal: number,
  now: string,
): Promise<CheckoutReview> {
  const { runtime, locations } = deps;
  const load = readOnce(runtimeLoad(runtime));
  const products: Record<string, CheckoutProduct> = {};
  await Promise.all(
    Object.values(cart.lines).map(async (line) => {
      try {
        const { facts, discontinued } = await productNow(load, locations, line.productId, [cart.cartId]);
        products[line.productId] = {
          status: discontinued ? 'discontinued' : 'active',
          unitPrice:
            facts.unitPrice.currency === cart.currency ? facts.unitPrice.amount : line.unitPrice.amount,
          available: facts.available,
        };
      } catch (error) {
        if (!(error instanceof ProductNotFound)) throw error;
        products[line.productId] = { status: 'gone' };
      }
    }),
  );
  // A line whose product is gone cannot be priced; the review refuses the cart for it anyway.
  const priceable: OpenCart = {
    ...cart,
    lines: Object.fromEntries(
      Object.entries(cart.lines).filter(([productId]) => products[productId]?.status !== 'gone'),
    ),
  };
  const request = await pricingRequestFor(priceable, load, deps, now);
  // The unit price now is the buyer's price list's where one applies, as the line recorded it.
  for (const line of request.lines) {
    const product = products[line.productId];
    if (product && product.status !== 'gone' && line.unitPrice.currency === cart.currency)
      product.unitPrice = line.unitPrice.amount;
  }
  let priced: CartTotals | null;
  try {
    priced = toCartTotals(await deps.pricer(request));
  } catch (error) {
    if (!(error instanceof ShippingMethodUnavailable)) throw error;
    priced = null;
  }
  return reviewCheckout({ cart, products, priced, confirmedTotal, now });
}
