import {
  cartCouponCodes,
  cartDecider,
  CartClosed,
  type CartCommand,
  type CartState,
  type OpenCart,
} from '../../domain/carts/index.ts';
import type { ConsentSource } from '../../domain/customers/events.ts';
import { InvalidTransition } from '../../domain/errors.ts';
import type { Address } from '../../domain/orders/events.ts';
import { cartStream, wishlistStream } from '../../domain/streams.ts';
import { wishlistDecider } from '../../domain/wishlists/index.ts';
import type { LocationDirectory } from '../locations/location-directory.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { CommandResult } from '../runtime/command-result.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import { runCommand } from '../runtime/run-command.ts';
import { asStepDecider } from '../runtime/steps.ts';
import { openedCart, type CartAccess } from './cart-access.ts';
import { pricedForCart, productNow, type Load } from './cart-facts.ts';
import { holdReleaseSteps, oneStepPerStream } from './checkout-holds.ts';
import type { ActivePriceListIds } from '../pricing/price-lists.ts';
import type { CustomerHistory } from '../pricing/customer-history.ts';
import { couponCheck, toCartTotals, type CartPricer } from './cart-pricer.ts';
import { pricedCartDecider, pricingRequestFor, totalsAfter } from './cart-pricing.ts';
import { normalizeCode } from '../../domain/promotions/index.ts';
import type { CartTotals } from '../../domain/carts/index.ts';
import { hashCartSecret, newCartSecret } from './cart-secret.ts';

export interface CartDeps {
  runtime: CommandRuntime;
  locations: LocationDirectory;
  pricer: CartPricer;
  history: CustomerHistory;
  /** The active price lists; a cart's lines are priced from its owner's list for its currency. */
  priceLists: ActivePriceListIds;
}

type Priced = { command: CartCommand; totals: CartTotals };

/**
 * How a cart's creation and its changes run: through the group commit, all carts of this process
 * under one key. Carts seldom race (each is one shopper's), but each write alone was an append of
 * its own, six per checkout where the order that ends it shares one with the orders beside it:
 * queued together, the writes of concurrent shoppers' carts are decided one after another, on the
 * cached carts, products and configuration, and appended in one atomic multi-stream append. A group
 * that loses a race on a cart is decided again whole (group-commit.ts); a backend without atomic
 * multi-stream appends runs each write alone (`batched`, run-command.ts).
 */
const cartWrites = { keys: ['carts'], contention: 'batched' } as const;

export type CreateCartInput = { cartId: string; customerId: string | null; currency: string };

/**
 * Carts, a `cart-{id}` stream each. Every change is decided with the product's price and stock as
 * the product and stock streams hold them now (read, never appended), and appended together with
 * the totals the pricer gives for the cart after the change.
 */
export function cartHandlers(deps: CartDeps) {
  const { runtime, locations, history, pricer, priceLists } = deps;
  const pricing = { locations, history, priceLists, pricer };
  const cartStep = asStepDecider(cartDecider);

  /** Decides `build`'s command on the cart `access` opens, priced, in one append. */
  async function changeCart(
    cartId: string,
    access: CartAccess,
    /** The command, or the command with the totals it was already priced at (a code's check). */
    build: (cart: OpenCart, load: Load) => Promise<CartCommand | Priced> | CartCommand,
    context: CommandContext,
  ): Promise<CommandResult> {
    const stream = cartStream(cartId);
    const outcome = await runCommand(
      runtime,
      {
        ...cartWrites,
        plan: async (load) => {
          const cart = openedCart(await load<CartState>(stream, cartStep), access, cartId, hashCartSecret);
          const built = await build(cart, load);
          const command = 'command' in built ? built.command : built;
          const totals =
            'command' in built ? built.totals : await totalsAfter(cart, command, { ...pricing, load });
          // A line that changes gives up its checkout hold, in the same append (only that line's).
          const line = lineOf(command);
          const releases = line === null ? [] : holdReleaseSteps(cart, [line], 'line_changed', context.now);
          return [...releases, { stream, decider: asStepDecider(pricedCartDecider(totals)), command }];
        },
      },
      context,
    );
    return {
      events: outcome.events.get(stream) ?? [],
      revision: outcome.revisions.get(stream) ?? null,
      position: outcome.position,
    };
  }

  /** The product as it is now; a discontinued one can no longer be put in a cart. */
  async function sellable(load: Load, cart: OpenCart, productId: string, quantity: number, command: string) {
    const now = await productNow(load, locations, productId, [cart.cartId]);
    if (now.discontinued)
      throw new InvalidTransition({ aggregate: 'product', id: productId, from: 'discontinued', command });
    return pricedForCart(load, priceLists, cart, now.facts, quantity);
  }

  /**
   * The product as it is now, priced for `quantity` units in this cart (its list and tier). Units
   * the cart holds, and those the carts `alsoFreeFrom` hold, count as available to it.
   */
  async function inCart(
    load: Load,
    cart: OpenCart,
    productId: string,
    quantity: number,
    alsoFreeFrom: readonly string[] = [],
  ) {
    const { facts } = await productNow(load, locations, productId, [cart.cartId, ...alsoFreeFrom]);
    return pricedForCart(load, priceLists, cart, facts, quantity);
  }

  return {
    /** A guest cart (no customer) answers its secret once; only its hash is stored. */
    async createCart(input: CreateCartInput, context: CommandContext) {
      const { cartId, customerId, currency } = input;
      const token = customerId === null ? newCartSecret() : null;
      const owner = token
        ? ({ kind: 'guest', secretHash: token.hash } as const)
        : ({ kind: 'customer', customerId: customerId! } as const);
      const stream = cartStream(cartId);
      const outcome = await runCommand(
        runtime,
        {
          ...cartWrites,
          plan: () =>
            Promise.resolve([
              {
                stream,
                decider: cartStep,
                command: { type: 'CreateCart', data: { cartId, owner, currency, now: context.now } },
                expectNew: true,
              },
            ]),
        },
        context,
      );
      return {
        events: outcome.events.get(stream) ?? [],
        revision: outcome.revisions.get(stream) ?? null,
        position: outcome.position,
        cartId,
        secret: token?.secret ?? null,
      };
    },

    addLine(
      cartId: string,
      access: CartAccess,
      line: { productId: string; quantity: number },
      context: CommandContext,
    ) {
      return changeCart(
        cartId,
        access,
        async (cart, load) => ({
          type: 'AddLine',
          data: {
            cartId,
            product: await sellable(
              load,
              cart,
              line.productId,
              (cart.lines[line.productId]?.quantity ?? 0) + line.quantity,
              'AddLine',
            ),
            quantity: line.quantity,
            now: context.now,
          },
        }),
        context,
      );
    },

    changeQuantity(
      cartId: string,
      access: CartAccess,
      line: { productId: string; quantity: number },
      context: CommandContext,
    ) {
      return changeCart(
        cartId,
        access,
        async (cart, load) => ({
          type: 'ChangeQuantity',
          data: {
            cartId,
            product: await inCart(load, cart, line.productId, line.quantity),
            quantity: line.quantity,
            now: context.now,
          },
        }),
        context,
      );
    },

    removeLine(cartId: string, access: CartAccess, productId: string, context: CommandContext) {
      return changeCart(
        cartId,
        access,
        () => ({ type: 'RemoveLine', data: { cartId, productId, now: context.now } }),
        context,
      );
    },

    setEmail(
      cartId: string,
      access: CartAccess,
      input: { email: string; marketingConsent: boolean; source: ConsentSource },
      context: CommandContext,
    ) {
      return changeCart(
        cartId,
        access,
        () => ({ type: 'SetEmail', data: { cartId, ...input, now: context.now } }),
        context,
      );
    },

    setShippingAddress(cartId: string, access: CartAccess, address: Address, context: CommandContext) {
      return changeCart(
        cartId,
        access,
        () => ({ type: 'SetShippingAddress', data: { cartId, address, now: context.now } }),
        context,
      );
    },

    chooseShippingMethod(
      cartId: string,
      access: CartAccess,
      shippingMethodId: string,
      context: CommandContext,
    ) {
      return changeCart(
        cartId,
        access,
        () => ({ type: 'ChooseShippingMethod', data: { cartId, shippingMethodId, now: context.now } }),
        context,
      );
    },

    /**
     * Enters a coupon code (case-insensitive). The cart is priced with the code added, once: the
     * code goes on only if its promotion applies to the cart as it stands (else 400 naming `code`,
     * with the engine's reason), and that pricing is the totals appended with it.
     */
    applyCoupon(cartId: string, access: CartAccess, entered: string, context: CommandContext) {
      return changeCart(
        cartId,
        access,
        async (cart, load) => {
          const code = normalizeCode('code', entered);
          const withCode: OpenCart = {
            ...cart,
            couponCodes: [...cartCouponCodes(cart).filter((c) => c !== code), code],
          };
          const request = await pricingRequestFor(withCode, load, pricing, context.now);
          const priced = await pricer(request);
          const check = couponCheck(priced, code);
          return {
            command: { type: 'ApplyCoupon', data: { cartId, code, check, now: context.now } },
            totals: toCartTotals(priced),
          };
        },
        context,
      );
    },

    removeCoupon(cartId: string, access: CartAccess, code: string, context: CommandContext) {
      return changeCart(
        cartId,
        access,
        () => ({ type: 'RemoveCoupon', data: { cartId, code, now: context.now } }),
        context,
      );
    },

    /**
     * A guest cart (opened by its secret) becomes the customer's. With `mergeInto` (the customer's
     * own open cart), its lines go into that cart by the merge rule and the guest cart closes;
     * the two appends are one multi-stream append where the backend has them.
     */
    async claimCart(
      cartId: string,
      input: { customerId: string; secret: string; mergeInto: string | null },
      context: CommandContext,
    ): Promise<CommandResult & { cartId: string }> {
      const { customerId, secret, mergeInto } = input;
      const guest = cartStream(cartId);
      if (mergeInto === null || mergeInto === cartId) {
        const result = await changeCart(
          cartId,
          { customerId: null, secret },
          () => ({ type: 'ClaimCart', data: { cartId, customerId, now: context.now } }),
          context,
        );
        return { ...result, cartId };
      }
      const target = cartStream(mergeInto);
      const outcome = await runCommand(
        runtime,
        {
          keys: [guest, target],
          contention: 'normal',
          plan: async (load) => {
            const from = openedCart(
              await load<CartState>(guest, cartStep),
              { customerId: null, secret },
              cartId,
              hashCartSecret,
            );
            if (from.status !== 'open') throw new CartClosed(cartId, from.status);
            const into = openedCart(
              await load<CartState>(target, cartStep),
              { customerId, secret: null },
              mergeInto,
              hashCartSecret,
            );
            const lines = await Promise.all(
              Object.values(from.lines).map(async (line) => ({
                // The guest cart's held units are free to the merge: its holds end in this append.
                product: await inCart(
                  load,
                  into,
                  line.productId,
                  (into.lines[line.productId]?.quantity ?? 0) + line.quantity,
                  [cartId],
                ),
                quantity: line.quantity,
              })),
            );
            const merge: CartCommand = {
              type: 'MergeLines',
              data: { cartId: mergeInto, lines, now: context.now },
            };
            const totals = await totalsAfter(into, merge, { ...pricing, load });
            // The customer's lines the merge changes give up their holds, as any line change does.
            const changed = cartDecider
              .decide(merge, into)
              .flatMap((event) => ('productId' in event.data ? [event.data.productId] : []));
            return [
              {
                stream: guest,
                decider: cartStep,
                command: {
                  type: 'CloseMerged',
                  data: { cartId, intoCartId: mergeInto, customerId, now: context.now },
                },
              },
              { stream: target, decider: asStepDecider(pricedCartDecider(totals)), command: merge },
              // The guest cart is closed: its checkout holds end in the same append, with those of
              // the lines the merge changed (one step per stock stream: both carts may hold there).
              ...oneStepPerStream([
                ...holdReleaseSteps(from, Object.keys(from.holds ?? {}), 'abandoned', context.now),
                ...holdReleaseSteps(into, changed, 'line_changed', context.now),
              ]),
            ];
          },
        },
        context,
      );
      return {
        events: outcome.events.get(target) ?? [],
        revision: outcome.revisions.get(target) ?? null,
        position: outcome.position,
        cartId: mergeInto,
      };
    },

    /**
     * Moves a product from the customer's wishlist into one of its carts, as one multi-stream
     * append (compensated where the backend has none): the stock is read, not appended; when it is
     * short, a 409 names the SKU and neither stream changes.
     */
    async moveToCart(
      customerId: string,
      input: { productId: string; cartId: string; quantity: number },
      context: CommandContext,
    ): Promise<CommandResult> {
      const { productId, cartId, quantity } = input;
      const stream = cartStream(cartId);
      const wishlist = wishlistStream(customerId);
      const outcome = await runCommand(
        runtime,
        {
          keys: [wishlist, stream],
          contention: 'normal',
          plan: async (load) => {
            const cart = openedCart(
              await load<CartState>(stream, cartStep),
              { customerId, secret: null },
              cartId,
              hashCartSecret,
            );
            const add: CartCommand = {
              type: 'AddLine',
              data: {
                cartId,
                product: await sellable(
                  load,
                  cart,
                  productId,
                  (cart.lines[productId]?.quantity ?? 0) + quantity,
                  'AddLine',
                ),
                quantity,
                now: context.now,
              },
            };
            const totals = await totalsAfter(cart, add, { ...pricing, load });
            return [
              {
                stream: wishlist,
                decider: asStepDecider(wishlistDecider),
                command: { type: 'RemoveFromWishlist', data: { customerId, productId, now: context.now } },
                compensate: () => ({
                  type: 'AddToWishlist',
                  data: { customerId, productId, now: context.now },
                }),
              },
              { stream, decider: asStepDecider(pricedCartDecider(totals)), command: add },
            ];
          },
        },
        context,
      );
      return {
        events: [...(outcome.events.get(wishlist) ?? []), ...(outcome.events.get(stream) ?? [])],
        revision: outcome.revisions.get(stream) ?? null,
        position: outcome.position,
      };
    },

    /** The cart's state for a caller it opens (checkout and the reminder read it this way). */
    async cartFor(cartId: string, access: CartAccess): Promise<OpenCart> {
      // What the store holds now: the cached state and only the events after it, not the whole stream.
      const { state } = await loadAggregate(
        runtime.store,
        cartDecider,
        cartStream(cartId),
        runtime.cache,
        false,
        runtime.upcasters,
      );
      return openedCart(state, access, cartId, hashCartSecret);
    },
  };
}

export type CartHandlers = ReturnType<typeof cartHandlers>;

/** The line a command changes, whose checkout hold it ends. */
function lineOf(command: CartCommand): string | null {
  switch (command.type) {
    case 'AddLine':
    case 'ChangeQuantity':
      return command.data.product.productId;
    case 'RemoveLine':
      return command.data.productId;
    default:
      return null;
  }
}
