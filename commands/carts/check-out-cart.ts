import { ProductNotFound } from '../../domain/catalog/errors.ts';
import {
  cartCouponCodes,
  CartChanged,
  CartClosed,
  cartDecider,
  cartSubject,
  reviewCheckout,
  type CartTotals,
  type CheckoutProduct,
  type CheckoutReview,
  type OpenCart,
} from '../../domain/carts/index.ts';
import { isDomainError, ValidationFailed } from '../../domain/errors.ts';
import type { PricingCustomer } from '../../domain/pricing/price-breakdown.ts';
import { ShippingMethodUnavailable } from '../../domain/shipping/errors.ts';
import { cartStream, orderStream } from '../../domain/streams.ts';
import type { LocationDirectory } from '../locations/location-directory.ts';
import type { PlacedAndPayable } from '../orders/place-and-open-payment.ts';
import type { PlaceOrderInput } from '../orders/placement.ts';
import type { CustomerHistory } from '../pricing/customer-history.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';
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
 * Checks a cart out: the cart is first compared with what the shopper last saw (prices, stock,
 * promotions, shipping, tax); a line that cannot be bought as it is, or a total other than the
 * one confirmed, refuses with `CartChanged` (409, every change listed) and appends nothing. Then
 * the order is placed through the placement saga at the confirmed total (so its stock is reserved
 * in the same atomic append as the order, and a price that moves meanwhile refuses it too), and
 * the cart is marked checked out. The order's id is the cart's, so one cart places at most one
 * order; a retry under the same Idempotency-Key answers the first run's placement and marks the
 * cart if the first run stopped before it did. A guest's order is recorded under the guest cart's
 * subject, whose key seals its address like the cart's.
 */
export async function checkOutCart(
  deps: CheckoutDeps,
  cartId: string,
  access: CartAccess,
  input: CheckoutInput,
  context: CommandContext,
): Promise<PlacedAndPayable & { cartId: string }> {
  const cart = await deps.carts.cartFor(cartId, access);
  if (cart.status !== 'open') throw new CartClosed(cartId, cart.status);
  const lines = Object.values(cart.lines).map((line) => ({
    productId: line.productId,
    quantity: line.quantity,
  }));
  if (lines.length === 0) throw new ValidationFailed('lines', 'the cart is empty');
  if (!cart.shippingAddress) throw new ValidationFailed('shippingAddress', 'is needed before checkout');
  const confirmedTotal = input.expectedTotal ?? cart.totals?.total.amount ?? 0;

  const first = await reviewNow(deps, cart, confirmedTotal, context.now);
  // A retry whose first run placed the order already finds its own reservations as a shortage:
  // the placement below answers that first run instead.
  const placedBefore = (await deps.runtime.store.streamRevision(orderStream(cartId))) !== null;
  if (first.review.blocking && !placedBefore) throw changed(cart, first.review);

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
        // same pipeline, and at the total the shopper confirmed.
        ...(cart.shippingMethodId ? { shippingMethodId: cart.shippingMethodId } : {}),
        channel: CART_CHANNEL,
        customer: first.customer,
        // The cart's codes are redeemed as `POST /orders` redeems them: atomically with the order.
        couponCodes: [...cartCouponCodes(cart)],
        // Started checkout: the cart's holds become the order's reservations in the same append.
        holdsOf: cartId,
        ...(first.review.total !== null && !placedBefore ? { expectedTotal: first.review.total } : {}),
      },
      context,
    );
  } catch (error) {
    // Something moved between the review and the placement (a price, the last units): say what.
    if (!isDomainError(error) || error.kind !== 'conflict') throw error;
    const again = await reviewNow(deps, cart, confirmedTotal, context.now);
    if (again.review.blocking) throw changed(cart, again.review);
    throw error;
  }
  await handleCommand(
    deps.runtime,
    cartDecider,
    cartStream(cartId),
    { type: 'CheckOut', data: { cartId, orderId: placed.order.orderId, now: context.now } },
    context,
  ).catch(async (error: unknown) => {
    // A retry whose first run marked the cart already: the placement above was the first run's.
    const again = await deps.carts.cartFor(cartId, access);
    if (again.status !== 'checked_out' || again.orderId !== placed.order.orderId) throw error;
  });
  return { ...placed, cartId };
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
): Promise<{ review: CheckoutReview; customer: PricingCustomer | null }> {
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
  return {
    review: reviewCheckout({ cart, products, priced, confirmedTotal, now }),
    customer: request.customer,
  };
}
