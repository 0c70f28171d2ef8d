import { productDecider, type ProductState } from '../../domain/catalog/index.ts';
import { ProductNotFound } from '../../domain/catalog/errors.ts';
import {
  cartDecider,
  CartClosed,
  cartSubject,
  type CartHoldRecord,
  type CartState,
  type OpenCart,
} from '../../domain/carts/index.ts';
import type { DomainEvent } from '../../domain/decider.ts';
import { ValidationFailed } from '../../domain/errors.ts';
import type { Position } from '../../ports/event-store.ts';
import { HoldLimitExceeded, StockShortage } from '../../domain/inventory/errors.ts';
import {
  allocate,
  available,
  cartHoldOf,
  holderHeld,
  stockDecider,
  type AllocationStrategyName,
  type HoldReleaseReason,
  type InventoryCommand,
  type InventoryEvent,
  type StockState,
} from '../../domain/inventory/index.ts';
import { cartStream, productStream, stockStream } from '../../domain/streams.ts';
import type { LocationDirectory } from '../locations/location-directory.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { decideInTurn } from '../runtime/decide-in-turn.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import { runCommand } from '../runtime/run-command.ts';
import { asStepDecider, type Step } from '../runtime/steps.ts';
import { openedCart, type CartAccess } from './cart-access.ts';
import { hashCartSecret } from './cart-secret.ts';
import type { Load } from './cart-facts.ts';

/**
 * Checkout holds (docs/carts.md): how long they last, and the caps that stop one client from
 * holding a whole SKU. `maxPerCart`: units of one SKU one cart may hold; `maxPerCustomer`: units
 * of one SKU one customer may hold over all its carts and all locations (a guest cart is its own
 * holder, so for a guest the cart cap is the one that binds).
 */
export interface HoldSettings {
  ttlMs: number;
  maxPerCart: number;
  maxPerCustomer: number;
}

export const defaultHoldSettings: HoldSettings = { ttlMs: 10 * 60_000, maxPerCart: 10, maxPerCustomer: 20 };

export interface HoldDeps {
  runtime: CommandRuntime;
  locations: LocationDirectory;
  allocationStrategy: AllocationStrategyName;
  holds: HoldSettings;
}

export interface StartedCheckout {
  cartId: string;
  /** Every line's hold now running (placed by this call or earlier), by product. */
  holds: (CartHoldRecord & { expiresAt: string })[];
  events: DomainEvent[];
  position: Position | null;
}

const cartStep = asStepDecider(cartDecider);
const stockStep = asStepDecider(stockDecider);

/**
 * Starts checkout: every line without a running hold gets one, at the locations the allocation
 * strategy picks from what is free now, in one multi-stream append with the cart's
 * `CheckoutStarted` (a hold per stock stream, each refused by its stream when it would oversell or
 * pass a cap). A line already held keeps its hold and its expiry. A product that may be backordered
 * is never short, so it is not held. Lines are held all or none: a shortage is a 409 naming the SKU.
 */
export async function startCheckout(
  deps: HoldDeps,
  cartId: string,
  access: CartAccess,
  context: CommandContext,
): Promise<StartedCheckout> {
  const stream = cartStream(cartId);
  const expiresAt = new Date(Date.parse(context.now) + deps.holds.ttlMs).toISOString();
  // Read before the command for its keys: the same `product:` keys as placement, so holds and
  // placements of a hot SKU queue together.
  const known = openedCart(
    (await loadAggregate(deps.runtime.store, cartDecider, stream, deps.runtime.cache, false)).state,
    access,
    cartId,
    hashCartSecret,
  );
  let holds: StartedCheckout['holds'] = [];
  const outcome = await runCommand(
    deps.runtime,
    {
      keys: Object.keys(known.lines).map((productId) => `product:${productId}`),
      contention: 'hot',
      plan: async (load) => {
        const cart = openedCart(await load<CartState>(stream, cartStep), access, cartId, hashCartSecret);
        if (cart.status !== 'open') throw new CartClosed(cartId, cart.status);
        if (Object.keys(cart.lines).length === 0) throw new ValidationFailed('lines', 'the cart is empty');
        const planned = (
          await Promise.all(
            Object.values(cart.lines).map((line) => planHold(deps, load, cart, line, expiresAt, context.now)),
          )
        ).flatMap((p) => (p ? [p] : []));
        holds = planned.map((p) => ({ ...p.record, expiresAt: p.expiresAt }));
        const fresh = planned.filter((p) => p.steps.length > 0).map((p) => p.record);
        return [
          ...planned.flatMap((p) => p.steps),
          {
            stream,
            decider: cartStep,
            command: { type: 'StartCheckout', data: { cartId, holds: fresh, expiresAt, now: context.now } },
          },
        ];
      },
    },
    context,
  );
  return {
    cartId,
    holds,
    events: [...outcome.events.values()].flat(),
    position: outcome.position,
  };
}

/** One line's hold: where it goes, and the stock steps that place it (and drop the cart's others). */
async function planHold(
  deps: HoldDeps,
  load: Load,
  cart: OpenCart,
  line: OpenCart['lines'][string],
  expiresAt: string,
  now: string,
): Promise<{ record: CartHoldRecord; steps: Step[]; expiresAt: string } | null> {
  const product = await load<ProductState>(productStream(line.productId), asStepDecider(productDecider));
  if (product.status === 'absent') throw new ProductNotFound(line.productId);
  if (product.product.allowBackorder) return null;
  const { sku } = product.product;
  if (line.quantity > deps.holds.maxPerCart)
    throw new HoldLimitExceeded({
      sku,
      location: '*',
      limit: 'cart',
      max: deps.holds.maxPerCart,
      held: 0,
      requested: line.quantity,
    });
  const locations = deps.locations.list();
  const stocks = await Promise.all(
    locations.map(async (location) => ({
      location,
      state: await load<StockState>(stockStream(sku, location), stockStep),
    })),
  );
  // A line whose units are all still held (on the stock streams, not just on the cart) keeps its
  // holds and their expiry.
  const own = stocks.flatMap(({ location, state }) => {
    const hold = cartHoldOf(state, cart.cartId);
    return hold ? [{ location, ...hold }] : [];
  });
  const running = own.filter((h) => Date.parse(h.expiresAt) > Date.parse(now));
  if (running.length === own.length && own.reduce((n, h) => n + h.quantity, 0) === line.quantity) {
    const record = {
      productId: line.productId,
      sku,
      quantity: line.quantity,
      allocations: own.map(({ location, quantity }) => ({ location, quantity })),
    };
    const earliest = own.map((h) => h.expiresAt).sort()[0]!;
    return { record, steps: [], expiresAt: earliest };
  }
  const holder = cartSubject(cart);
  // The customer's cap counts its holds of the SKU at every location, this cart's own left out (they
  // are replaced). Each stock stream also refuses past the cap on its own, exactly.
  const heldByHolder =
    stocks.reduce((held, { state }) => held + holderHeld(state, holder), 0) -
    own.reduce((held, h) => held + (h.holder === holder ? h.quantity : 0), 0);
  if (heldByHolder + line.quantity > deps.holds.maxPerCustomer)
    throw new HoldLimitExceeded({
      sku,
      location: '*',
      limit: 'customer',
      max: deps.holds.maxPerCustomer,
      held: heldByHolder,
      requested: line.quantity,
    });
  // The cart's own earlier hold (run out, or for another quantity) is replaced: its units count as free.
  const free = Object.fromEntries(
    stocks.map(({ location, state }) => [
      location,
      available(state) + (cartHoldOf(state, cart.cartId)?.quantity ?? 0),
    ]),
  );
  const allocation = allocate(
    [{ lineId: line.productId, sku, quantity: line.quantity }],
    { [sku]: free },
    deps.allocationStrategy,
  );
  if (!allocation.ok) throw new StockShortage(allocation.shortages);
  const allocations = allocation.lines[0]!.allocations.map((a) => ({
    location: a.location,
    quantity: a.quantity,
  }));
  const used = new Set(allocations.map((a) => a.location));
  const steps: Step[] = [
    ...allocations.map((a) => ({
      stream: stockStream(sku, a.location),
      decider: stockStep,
      command: {
        type: 'HoldStock',
        data: {
          sku,
          location: a.location,
          cartId: cart.cartId,
          holder,
          quantity: a.quantity,
          expiresAt,
          maxPerCart: deps.holds.maxPerCart,
          maxPerHolder: deps.holds.maxPerCustomer,
          now,
        },
      },
      compensate: () => releaseCommand(sku, a.location, cart.cartId, 'line_changed', now),
    })),
    // An earlier hold of the cart at a location the new allocation does not use ends.
    ...stocks
      .filter(({ location, state }) => !used.has(location) && cartHoldOf(state, cart.cartId) !== undefined)
      .map(({ location }) => releaseStep(sku, location, cart.cartId, 'line_changed', now)),
  ];
  return {
    record: { productId: line.productId, sku, quantity: line.quantity, allocations },
    steps,
    expiresAt,
  };
}

const releaseCommand = (
  sku: string,
  location: string,
  cartId: string,
  reason: HoldReleaseReason,
  now: string,
) => ({ type: 'ReleaseHold', data: { sku, location, cartId, reason, now } }) as const;

function releaseStep(
  sku: string,
  location: string,
  cartId: string,
  reason: HoldReleaseReason,
  now: string,
): Step {
  return {
    stream: stockStream(sku, location),
    decider: stockStep,
    command: releaseCommand(sku, location, cartId, reason, now),
  };
}

/** The stock decider taking a list of commands, decided one after the other. */
const releasesInTurn = asStepDecider<InventoryCommand[], InventoryEvent, StockState>({
  decide: (commands, state) => decideInTurn(stockDecider, commands, state).events,
  evolve: (state, event) => stockDecider.evolve(state, event),
  initialState: () => stockDecider.initialState(),
});

/**
 * Release steps that meet on one stock stream (a merge ends the guest cart's holds and those of the
 * customer's changed lines, maybe at the same SKU and location) become one step deciding them in
 * turn: an append names each stream once.
 */
export function oneStepPerStream(steps: readonly Step[]): Step[] {
  const byStream = new Map<string, Step[]>();
  for (const step of steps) byStream.set(step.stream, [...(byStream.get(step.stream) ?? []), step]);
  return [...byStream.values()].map((same) =>
    same.length === 1
      ? same[0]!
      : { stream: same[0]!.stream, decider: releasesInTurn, command: same.map((step) => step.command) },
  );
}

/**
 * The steps that end the cart's hold of one line (its change, appended with them), or of every line
 * (the cart abandoned). A hold already gone appends nothing.
 */
export function holdReleaseSteps(
  cart: OpenCart,
  productIds: readonly string[],
  reason: HoldReleaseReason,
  now: string,
): Step[] {
  return productIds.flatMap((productId) => {
    const hold = cart.holds?.[productId];
    if (hold === undefined) return [];
    return hold.allocations.map((a) => releaseStep(hold.sku, a.location, cart.cartId, reason, now));
  });
}

/** The expiry scheduler's action: one hold at one stock stream ends, refused before it is due. */
export function expireHold(
  runtime: CommandRuntime,
  hold: { sku: string; location: string; cartId: string },
  context: CommandContext,
) {
  return handleCommand(
    runtime,
    stockDecider,
    stockStream(hold.sku, hold.location),
    releaseCommand(hold.sku, hold.location, hold.cartId, 'expired', context.now),
    context,
  );
}

/** An abandoned cart's holds (its reminder went out) all end at once; none left appends nothing. */
export async function releaseAbandonedHolds(
  runtime: CommandRuntime,
  cartId: string,
  context: CommandContext,
) {
  const stream = cartStream(cartId);
  const { state } = await loadAggregate(runtime.store, cartDecider, stream, runtime.cache, false);
  if (state.status === 'absent') return;
  const steps = holdReleaseSteps(state, Object.keys(state.holds ?? {}), 'abandoned', context.now);
  if (steps.length === 0) return;
  await runCommand(
    runtime,
    { keys: [stream], contention: 'normal', plan: () => Promise.resolve(steps) },
    context,
  );
}
