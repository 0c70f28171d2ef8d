import { productDecider, type ProductState } from '../../domain/catalog/index.ts';
import { isDomainError, ValidationFailed } from '../../domain/errors.ts';
import type { PricingConfig } from '../../domain/pricing/compute-breakdown.ts';
import type { PriceBreakdown, PricingCustomer, PricingLine } from '../../domain/pricing/price-breakdown.ts';
import { TotalChanged } from '../../domain/pricing/errors.ts';
import { StockShortage } from '../../domain/inventory/errors.ts';
import {
  allocate,
  available,
  cartHoldOf,
  reserveWhereHeld,
  stockDecider,
  type StockState,
} from '../../domain/inventory/index.ts';
import {
  orderDecider,
  type OrderPlaced,
  type OrderPricing,
  type PlaceOrder,
} from '../../domain/orders/index.ts';
import { orderStream, productStream, stockStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { runCommand } from '../runtime/run-command.ts';
import { asStepDecider, type Step, type StepPlan, type StepsOutcome } from '../runtime/steps.ts';
import { requestMark } from '../runtime/request-events.ts';
import { startedEarly } from '../runtime/started-early.ts';
import { activeProduct, pricingLine } from '../pricing/product-pricing.ts';
import { loadPricingConfig, priceOrder, type DiscountStage } from '../pricing/price-order.ts';
import { customerFacts } from '../pricing/customer-facts.ts';
import { unknownCustomerHistory } from '../pricing/customer-history.ts';
import { redemptionSteps } from '../promotions/redemption-steps.ts';
import { placementUnitPrices } from './buyer-prices.ts';
import type { OrderDeps } from './order-deps.ts';
import { placedByRequest } from './placed-by-request.ts';
import type { PlacedOrder, PlaceOrderInput } from './placement.ts';

export type { PlacedOrder, PlaceOrderInput } from './placement.ts';

/**
 * Places an order: prices from the catalog as they are now, locations by the allocation strategy,
 * and every line's stock reserved in the same atomic append as the order, or nothing at all. A
 * shortage is refused with each short SKU and what is available; a lost race for a stock stream
 * (someone took the stock meanwhile) decides again on the fresh state.
 *
 * A retry of a request (same idempotency key and actor) whose first run placed the order answers
 * that placement, rebuilt from its events, and appends nothing: the order stream's "no stream yet"
 * expectation is the request's record, in the same atomic append as its reservations.
 */
export async function placeOrder(
  deps: OrderDeps,
  input: PlaceOrderInput,
  context: CommandContext,
): Promise<PlacedOrder> {
  const { runtime } = deps;
  const mark = requestMark(context);
  const atomic = runtime.store.capabilities.atomicMultiStreamAppend;
  if (mark && !atomic) {
    // Without atomic appends the reservations are appended before the order: a retry must find its
    // first run before it reserves again, not when the order's append conflicts.
    const earlier = await placedByRequest(deps, input.orderId, mark);
    if (earlier) return earlier;
  }
  let outcome: StepsOutcome;
  try {
    outcome = await decidePlacement(deps, input, context);
  } catch (error) {
    // The first run's order makes the retry's append conflict, but a retry may be refused before
    // it gets there (the stock it reserved is gone now, a product was discontinued since): any
    // refusal of a request with a key looks for its first run.
    const earlier = mark && isDomainError(error) ? await placedByRequest(deps, input.orderId, mark) : null;
    if (earlier) return earlier;
    throw error;
  }
  const stream = orderStream(input.orderId);
  const placed = outcome.events.get(stream)?.[0] as OrderPlaced | undefined;
  if (!placed || !outcome.position)
    throw new Error(`Order ${input.orderId} was decided without an OrderPlaced event`);
  return {
    order: placed.data,
    events: [...outcome.events.values()].flat(),
    revision: outcome.revisions.get(stream)!,
    position: outcome.position,
  };
}

function decidePlacement(deps: OrderDeps, input: PlaceOrderInput, context: CommandContext) {
  // Most orders hold the same popular SKUs: placements contend on their products' stock streams.
  // Orders with the same code contend on its redemption streams (a shared code's are as hot as a
  // popular SKU's stock): keyed by the code too, they are decided together and appended as one
  // instead of racing for those streams and retrying.
  const codes = (input.couponCodes ?? []).map((code) => `coupon:${code.trim().toUpperCase()}`);
  return runCommand(
    deps.runtime,
    {
      keys: [...input.lines.map((line) => `product:${line.productId}`), ...new Set(codes)],
      contention: 'hot',
      plan: placementPlan(deps, input, context),
    },
    context,
  );
}

/**
 * The placement's steps from the state `load` gives: prices from the catalog, locations by the
 * allocation strategy, a reservation per allocated line and the order last.
 */
function placementPlan(deps: OrderDeps, input: PlaceOrderInput, context: CommandContext): StepPlan {
  const expiresAt = new Date(Date.parse(context.now) + deps.settings.reservationTtlMs).toISOString();
  // Read once per placement, not per attempt: a retry after a lost stock race keeps the same prices.
  // Both reads start now, before the placement queues behind the others on its products: a group
  // commit decides its members one after another, so a read a member waited for inside its turn
  // held up every member after it (with a shared code, every placement of the run).
  const config = startedEarly(loadPricingConfig(deps.runtime));
  // The prepared discount stage serves the first attempt only. Its limit preview was read before
  // the queue: when the placements ahead used a code up, this one is refused, and its next attempt
  // prices afresh, without the used-up discount (the redemption steps are what enforce limits).
  const prepared =
    deps.discountStage?.prepare?.(input.couponCodes ?? [], input.customer?.customerId ?? input.customerId) ??
    deps.discountStage;
  let attempts = 0;
  // Who buys, as a cart would price them (groups, first order): a cart's checkout passes what it
  // priced with; `POST /orders` and imports read it here, once per placement.
  let customer: Promise<PricingCustomer | null> | undefined;
  return async (load) => {
    const discountStage = attempts++ === 0 ? prepared : deps.discountStage;
    const products = await Promise.all(
      input.lines.map(async (line, index) => {
        const state = await load<ProductState>(productStream(line.productId), asStepDecider(productDecider));
        return { line, index, product: activeProduct(state, line.productId) };
      }),
    );
    const locations = deps.locations.list();
    const skus = products.map((p) => p.product.sku);
    const stock = new Map<string, StockState>();
    await Promise.all(
      skus.flatMap((sku) =>
        locations.map(async (location) => {
          const stream = stockStream(sku, location);
          stock.set(stream, await load<StockState>(stream, asStepDecider(stockDecider)));
        }),
      ),
    );
    const holdsOf = input.holdsOf;
    // A cart's own checkout holds are free to its order: they become its reservations.
    const own = (state: StockState) =>
      holdsOf === undefined ? 0 : (cartHoldOf(state, holdsOf)?.quantity ?? 0);
    const availability = Object.fromEntries(
      skus.map((sku) => [
        sku,
        Object.fromEntries(
          locations.map((l) => {
            const state = stock.get(stockStream(sku, l))!;
            return [l, available(state) + own(state)];
          }),
        ),
      ]),
    );
    const allocation = allocate(
      products.map(({ product, line, index }) => ({
        lineId: lineId(index),
        sku: product.sku,
        quantity: line.quantity,
        ...(product.allowBackorder && locations[0] ? { backorderAt: locations[0] } : {}),
      })),
      availability,
      deps.settings.allocationStrategy,
    );
    if (!allocation.ok) throw new StockShortage(allocation.shortages);
    // A checkout's line that its cart holds whole is reserved where held (`reserveWhereHeld`).
    const allocatedLines =
      holdsOf === undefined
        ? allocation.lines
        : allocation.lines.map((line) =>
            reserveWhereHeld(
              line,
              locations.flatMap((location) => {
                const hold = cartHoldOf(stock.get(stockStream(line.sku, location))!, holdsOf);
                return hold ? [{ location, quantity: hold.quantity }] : [];
              }),
            ),
          );
    // Allocated lines are matched to their products by line id, not by position in the list.
    const productOf = new Map(products.map(({ index, product }) => [lineId(index), product]));
    const product = (line: { lineId: string }) => productOf.get(line.lineId)!;

    const buyer = await (customer ??=
      input.customer !== undefined
        ? Promise.resolve(input.customer)
        : customerFacts(load, deps.customerHistory ?? unknownCustomerHistory, input.customerId));
    // Unit prices from the buyer's price list for the order's currency, else the catalog's.
    const lines = await placementUnitPrices(
      deps,
      load,
      { currency: input.currency, groups: buyer?.groups ?? [] },
      products.map(({ line, product }) => pricingLine(product, line.quantity)),
    );
    const unitPrices = new Map(products.map(({ index }, i) => [lineId(index), lines[i]!.unitPrice]));
    const pricing = await orderPricing(deps, discountStage, input, await config, lines, buyer, context.now);
    const place: PlaceOrder = {
      type: 'PlaceOrder',
      data: {
        orderId: input.orderId,
        customerId: input.customerId,
        currency: input.currency,
        lines: allocatedLines.map((allocated) => ({
          lineId: allocated.lineId,
          sku: allocated.sku,
          quantity: allocated.quantity,
          unitPrice: unitPrices.get(allocated.lineId)!,
          allocations: allocated.allocations,
        })),
        pricing,
        shippingAddress: input.shippingAddress,
        paymentProvider: deps.payments.provider,
        expiresAt,
      },
    };
    const reservations: Step[] = allocatedLines.flatMap((allocated) =>
      allocated.allocations.map((a) => ({
        stream: stockStream(allocated.sku, a.location),
        decider: asStepDecider(stockDecider),
        command: {
          type: 'ReserveStock',
          data: {
            sku: allocated.sku,
            location: a.location,
            orderId: input.orderId,
            quantity: a.quantity,
            expiresAt,
            allowBackorder: product(allocated).allowBackorder,
            ...(holdsOf === undefined ? {} : { fromHold: holdsOf }),
          },
        },
        compensate: () => ({
          type: 'ReleaseReservation',
          data: {
            sku: allocated.sku,
            location: a.location,
            orderId: input.orderId,
            quantity: a.quantity,
            reason: 'cancelled',
            now: context.now,
          },
        }),
      })),
    );
    // A hold of the cart at a location the allocation did not use ends with the checkout too.
    const reserved = new Set(reservations.map((step) => step.stream));
    const leftovers: Step[] =
      holdsOf === undefined
        ? []
        : skus.flatMap((sku) =>
            locations
              .filter((location) => {
                const stream = stockStream(sku, location);
                return !reserved.has(stream) && cartHoldOf(stock.get(stream)!, holdsOf) !== undefined;
              })
              .map((location) => ({
                stream: stockStream(sku, location),
                decider: asStepDecider(stockDecider),
                command: {
                  type: 'ReleaseHold',
                  data: { sku, location, cartId: holdsOf, reason: 'converted', now: context.now },
                },
              })),
          );
    // Each applied discount's redemptions, decided on the promotion as it stands now and appended
    // with the order: a usage limit is exact however many orders race for its last use.
    const redemptions = await redemptionSteps(
      load,
      {
        orderId: input.orderId,
        customerId: input.customerId,
        currency: input.currency,
        lines: allocatedLines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
      },
      pricing.discounts,
    );
    // Without atomic appends the order goes last: it exists only once all its stock is held.
    // A placement names a new order: no read for its stream (a reused id conflicts, then is read).
    // Another aggregate's steps (a cart's checkout) go after the order: without atomic appends
    // they land only once the order has.
    const also = input.alsoAppend ? await input.alsoAppend(load) : [];
    return [
      ...reservations,
      ...leftovers,
      ...redemptions,
      {
        stream: orderStream(input.orderId),
        decider: asStepDecider(orderDecider),
        command: place,
        expectNew: true,
      },
      ...also,
    ];
  };
}

const lineId = (index: number) => `L${index + 1}`;

/**
 * The order's discounts, shipping and tax from the price pipeline, on the server: the client never
 * names a fee. A shop with shipping zones needs a method for every order; one without ships nothing.
 */
async function orderPricing(
  deps: OrderDeps,
  discountStage: DiscountStage | undefined,
  input: PlaceOrderInput,
  config: PricingConfig,
  lines: PricingLine[],
  customer: PricingCustomer | null,
  now: string,
): Promise<OrderPricing> {
  const shippingMethodId = input.shippingMethodId ?? null;
  if (shippingMethodId === null && Object.keys(config.shipping.zones).length > 0)
    throw new ValidationFailed('shippingMethodId', 'is required: choose one of GET /shipping/options');
  const breakdown = await priceOrder(
    config,
    {
      currency: input.currency,
      lines,
      shippingAddress: input.shippingAddress,
      shippingMethodId,
      customer,
      couponCodes: input.couponCodes ?? [],
      channel: input.channel ?? null,
      at: now,
    },
    discountStage,
    deps.taxProvider,
  );
  if (input.expectedTotal !== undefined && breakdown.total.amount !== input.expectedTotal)
    throw new TotalChanged({
      currency: input.currency,
      expected: input.expectedTotal,
      actual: breakdown.total.amount,
    });
  return toOrderPricing(breakdown);
}

/** What an order records of the pipeline's breakdown, copied (the event never shares the breakdown's arrays). */
export function toOrderPricing(breakdown: PriceBreakdown): OrderPricing {
  const detail = breakdown.taxDetail!;
  return {
    discounts: breakdown.discounts.map(({ evidence, ...d }) => ({
      ...d,
      lineAmounts: d.lineAmounts.map((l) => ({ ...l })),
      ...(evidence ? { evidence: evidence.map((e) => ({ ...e })) } : {}),
    })),
    discountTotal: breakdown.discountTotal,
    shipping: breakdown.shipping,
    tax: breakdown.tax,
    taxDetail: {
      ...detail,
      lines: detail.lines.map((l) => ({ ...l })),
      shipping: { ...detail.shipping },
    },
    shippingMethod: breakdown.shippingMethod ?? null,
  };
}
