import {
  cartCouponCodes,
  cartDecider,
  withTotals,
  type CartCommand,
  type CartEvent,
  type CartState,
  type CartTotals,
  type OpenCart,
} from '../../domain/carts/index.ts';
import { replay, type Decider } from '../../domain/decider.ts';
import type { PricingRequest } from '../../domain/pricing/price-breakdown.ts';
import type { LocationDirectory } from '../locations/location-directory.ts';
import type { CustomerHistory } from '../pricing/customer-history.ts';
import { pricingLine } from '../pricing/product-pricing.ts';
import { customerFacts } from '../pricing/customer-facts.ts';
import { priceFromLists, type ActivePriceListIds } from '../pricing/price-lists.ts';
import { productNow, type Load } from './cart-facts.ts';
import { toCartTotals, type CartPricer } from './cart-pricer.ts';

/** The sales channel carts are priced for (promotions may be limited to one). */
export const CART_CHANNEL = 'web';

/** What pricing a cart reads besides its own stream. */
export interface CartPricingDeps {
  locations: LocationDirectory;
  history: CustomerHistory;
  priceLists: ActivePriceListIds;
}

/**
 * The pricing request for the cart as it stands: every line at its product's price now (not the
 * price when it was added: the view shows that difference), the cart's address, method and owner.
 */
export async function pricingRequestFor(
  cart: OpenCart,
  load: Load,
  deps: CartPricingDeps,
  now: string,
): Promise<PricingRequest> {
  const { locations, history } = deps;
  const customer =
    cart.owner.kind === 'customer' ? await customerFacts(load, history, cart.owner.customerId) : null;
  const lines = Object.values(cart.lines);
  const base = await Promise.all(
    lines.map(async (line) => {
      const { product } = await productNow(load, locations, line.productId);
      // Weight and tax class as an order of this product gets them (its attributes), so the cart's
      // shipping and tax are the order's.
      return { ...pricingLine(product, line.quantity), sku: line.sku };
    }),
  );
  // The buyer's price list for the cart's currency, else the catalog price; a product priced in
  // another currency that no list covers keeps the price its line was added at.
  const listed = await priceFromLists(
    load,
    deps.priceLists,
    { currency: cart.currency, groups: customer?.groups ?? [] },
    base,
  );
  return {
    currency: cart.currency,
    lines: listed.map((line, i) =>
      line.unitPrice.currency === cart.currency ? line : { ...line, unitPrice: lines[i]!.unitPrice },
    ),
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
  deps: CartPricingDeps & { load: Load; pricer: CartPricer },
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
      return withTotals(events, replay(cartDecider, events, state), totals, command.data.now);
    },
  };
}
