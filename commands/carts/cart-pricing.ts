import {
  cartCouponCodes,
  cartDecider,
  totalsEvent,
  type CartCommand,
  type CartEvent,
  type CartState,
  type CartTotals,
  type OpenCart,
} from '../../domain/carts/index.ts';
import { customerDecider, type CustomerState } from '../../domain/customers/index.ts';
import { replay, type Decider } from '../../domain/decider.ts';
import type { PricingRequest } from '../../domain/pricing/price-breakdown.ts';
import { customerStream } from '../../domain/streams.ts';
import type { LocationDirectory } from '../locations/location-directory.ts';
import { asStepDecider } from '../runtime/steps.ts';
import type { CustomerHistory } from '../pricing/customer-history.ts';
import { pricingLine } from '../pricing/product-pricing.ts';
import { productNow, type Load } from './cart-facts.ts';
import { toCartTotals, type CartPricer } from './cart-pricer.ts';

/** The sales channel carts are priced for (promotions may be limited to one). */
export const CART_CHANNEL = 'web';

/**
 * The pricing request for the cart as it stands: every line at its product's price now (not the
 * price when it was added: the view shows that difference), the cart's address, method and owner.
 */
export async function pricingRequestFor(
  cart: OpenCart,
  load: Load,
  deps: { locations: LocationDirectory; history: CustomerHistory },
  now: string,
): Promise<PricingRequest> {
  const { locations, history } = deps;
  const lines = await Promise.all(
    Object.values(cart.lines).map(async (line) => {
      const { product } = await productNow(load, locations, line.productId);
      // Weight and tax class as an order of this product gets them (its attributes), so the cart's
      // shipping and tax are the order's.
      const priced = pricingLine(product, line.quantity);
      return {
        ...priced,
        sku: line.sku,
        unitPrice: product.price.currency === cart.currency ? product.price : line.unitPrice,
      };
    }),
  );
  let customer: PricingRequest['customer'] = null;
  if (cart.owner.kind === 'customer') {
    const { customerId } = cart.owner;
    const [state, ordered] = await Promise.all([
      load<CustomerState>(customerStream(customerId), asStepDecider(customerDecider)),
      history.hasOrdered(customerId),
    ]);
    customer = {
      customerId,
      groups: state.status === 'absent' ? [] : state.groups,
      firstOrder: !ordered,
    };
  }
  return {
    currency: cart.currency,
    lines,
    shippingAddress: cart.shippingAddress,
    shippingMethodId: cart.shippingMethodId,
    customer,
    couponCodes: cartCouponCodes(cart),
    channel: CART_CHANNEL,
    at: now,
  };
}

/** The cart after `command`, priced: decided here once so the pricer sees the lines it will hold. */
export async function totalsAfter(
  cart: OpenCart,
  command: CartCommand,
  deps: { load: Load; locations: LocationDirectory; history: CustomerHistory; pricer: CartPricer },
): Promise<CartTotals> {
  const next = replay(cartDecider, cartDecider.decide(command, cart), cart);
  if (next.status === 'absent') throw new Error('a decided cart cannot be absent');
  const request = await pricingRequestFor(next, deps.load, deps, command.data.now);
  return toCartTotals(await deps.pricer(request));
}

/**
 * The cart decider with the totals appended to the change: the change and the figures it moved
 * land in one append, so the cart never shows totals of another version of itself.
 */
export function pricedCartDecider(totals: CartTotals): Decider<CartCommand, CartEvent, CartState> {
  return {
    ...cartDecider,
    decide(command, state) {
      const events = cartDecider.decide(command, state);
      return [...events, ...totalsEvent(replay(cartDecider, events, state), totals, command.data.now)];
    },
  };
}
