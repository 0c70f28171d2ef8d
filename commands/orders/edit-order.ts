import { productDecider, type Product, type ProductState } from '../../domain/catalog/index.ts';
import { ValidationFailed } from '../../domain/errors.ts';
import { StockShortage } from '../../domain/inventory/errors.ts';
import { allocate, available, stockDecider, type StockState } from '../../domain/inventory/index.ts';
import {
  orderDecider,
  type Address,
  type EditOrder,
  type EditPayment,
  type ExistingOrder,
  type LoweredLine,
  type OrderEdited,
  type OrderState,
  type OrderTotals,
  type RaisedLine,
  type StockRelease,
  type StockReservation,
} from '../../domain/orders/index.ts';
import { EditPreviewStale, OrderNotFound } from '../../domain/orders/errors.ts';
import type { OrderLine } from '../../domain/orders/index.ts';
import type { PricingConfig } from '../../domain/pricing/compute-breakdown.ts';
import type { PricingLine } from '../../domain/pricing/price-breakdown.ts';
import { skuClaimDecider, type SkuClaimState } from '../../domain/sku-claims/index.ts';
import { orderStream, productStream, skuStream, stockStream } from '../../domain/streams.ts';
import { comparePositions } from '../../ports/position.ts';
import type { Decider, DomainEvent } from '../../domain/decider.ts';
import type { Money } from '../../domain/money.ts';
import { loadPricingConfig, priceOrder, type DiscountStage } from '../pricing/price-order.ts';
import { customerGroups } from '../pricing/customer-facts.ts';
import type { PriceFor } from '../pricing/price-lists.ts';
import { runtimeLoad } from '../pricing/stream-load.ts';
import { activeProduct, pricingLine } from '../pricing/product-pricing.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import { earlierRun } from '../runtime/request-events.ts';
import { runCommand } from '../runtime/run-command.ts';
import { asStepDecider, type Step, type StepPlan } from '../runtime/steps.ts';
import { outcomeHash, requestHash, type EditPreviewTag } from './edit-preview-tag.ts';
import { placementUnitPrices } from './buyer-prices.ts';
import { settleEditPayment } from './edit-payment.ts';
import { loadOrder } from './load-order.ts';
import type { OrderDeps } from './order-deps.ts';
import { orderResult, type OrderResult } from './order-result.ts';
import { toOrderPricing } from './place-order.ts';

export interface EditOrderInput {
  orderId: string;
  /** New lines, at what a placement for the customer would charge now (their price list, else the catalog). */
  add: { productId: string; quantity: number }[];
  /**
   * Units added to lines the order has. The line then costs, per unit, the lower of its own price
   * and what a placement now would charge for its new quantity (see `changedLinePrices`).
   */
  raise: { lineId: string; quantity: number }[];
  /** Units taken off lines the order has (their reservations released with the edit); priced as `raise`. */
  lower?: { lineId: string; quantity: number }[];
  /** Lines taken off whole: every unit left on them. */
  remove?: string[];
  /** A new shipping address (absent or null: the order's stays). */
  shippingAddress?: Address | null;
  /** A new shipping method (`GET /shipping/options`; absent or null: the order's stays). */
  shippingMethodId?: string | null;
}

type Load = Parameters<StepPlan>[0];

/**
 * Staff add lines to an unshipped order, raise or lower quantities, remove lines, or change where
 * and how it ships. The new units are allocated like a placement's (the allocation strategy over
 * every location's availability) and reserved, and the units taken off released, in the same
 * atomic append as the order's `OrderEdited`, so an edit and a placement racing for the last unit
 * cannot both win; a shortage refuses the edit (409 `stock_shortage`) and appends nothing. Added
 * and changed lines take their unit prices the way a placement for the customer now would
 * (`placementUnitPrices`: their price list for the order's currency and quantity, else the catalog),
 * a changed line never above what it was sold at. The
 * whole order is priced again through the pipeline (`priceOrder`): its shipping address and method
 * (the new ones, if the edit changes them), tax, and the promotions it already redeemed (see
 * `keptDiscounts`). Then the money follows (`settleEditPayment`): an extra payment opened for a
 * difference owed, or a refund of what was paid beyond the new total.
 *
 * `expected` is the order's revision (If-Match), or the ETag of a preview (`previewOrderEdit`):
 * then the edit is refused unless it is the change previewed, on the order as it was, at the
 * totals shown (`EditPreviewStale`, naming which moved).
 *
 * A retried request (same Idempotency-Key) answers what its first run appended.
 */
export async function editOrder(
  deps: OrderDeps,
  input: EditOrderInput,
  context: CommandContext,
  expected?: number | EditPreviewTag,
): Promise<OrderResult> {
  requireSomeChange(input);
  const stream = orderStream(input.orderId);
  const earlier = await earlierRun(deps.runtime.store, stream, context);
  if (earlier) {
    const edited = earlier.events.find((e) => e.type === 'OrderEdited') as OrderEdited | undefined;
    const stock = await Promise.all(
      [...(edited?.data.reservations ?? []), ...(edited?.data.releases ?? [])].map((r) =>
        earlierRun(deps.runtime.store, stockStream(r.sku, r.location), context),
      ),
    );
    const position = [earlier, ...stock]
      .flatMap((run) => (run ? [run.position] : []))
      .reduce((latest, next) => (comparePositions(next, latest) > 0 ? next : latest));
    // A first run that died before the money followed: it follows now, keyed by the edit.
    const settled = await settleEditPayment(deps, input.orderId, context);
    return settled.position ? withSettled({ ...earlier, position }, settled) : { ...earlier, position };
  }
  const tag = typeof expected === 'object' ? expected : undefined;
  if (tag) {
    const { revision } = await loadOrder(deps, input.orderId);
    const stale = (reason: 'order_changed' | 'request_differs' | 'totals_changed') =>
      new EditPreviewStale({ orderId: input.orderId, reason, previewedRevision: tag.revision, revision });
    if (revision !== tag.revision) throw stale('order_changed');
    if (requestHash(input) !== tag.request) throw stale('request_differs');
  }
  const pinned = typeof expected === 'object' ? expected.revision : expected;
  // Read once per edit, not per attempt: a retry after a lost stock race keeps the same figures.
  let config: Promise<PricingConfig> | undefined;
  const outcome = await runCommand(
    deps.runtime,
    {
      keys: [...input.add.map((line) => `product:${line.productId}`), stream],
      // The added units contend with placements on their products' stock streams.
      contention: 'hot',
      plan: async (load) => {
        const order = await load<OrderState>(stream, asStepDecider(orderDecider));
        if (order.status === 'none') throw new OrderNotFound(input.orderId);
        const planned = await editPlan(
          deps,
          input,
          order,
          await (config ??= loadPricingConfig(deps.runtime)),
          load,
          context,
        );
        if (tag && outcomeHash(planned.command) !== tag.outcome)
          throw new EditPreviewStale({
            orderId: input.orderId,
            reason: 'totals_changed',
            previewedRevision: tag.revision,
            revision: tag.revision,
          });
        return planned.steps;
      },
      ...(pinned === undefined ? {} : { pinned: { stream, revision: pinned } }),
    },
    context,
  );
  const edited = orderResult(outcome, stream);
  const settled = await settleEditPayment(deps, input.orderId, context, edited.revision ?? undefined);
  return settled.position ? withSettled(edited, settled) : edited;
}

function withSettled(edited: OrderResult, settled: OrderResult): OrderResult {
  return {
    events: [...edited.events, ...settled.events],
    revision: settled.revision,
    position: settled.position,
  };
}

function requireSomeChange(input: EditOrderInput) {
  if (
    input.add.length === 0 &&
    input.raise.length === 0 &&
    (input.lower ?? []).length === 0 &&
    (input.remove ?? []).length === 0 &&
    (input.shippingAddress ?? null) === null &&
    (input.shippingMethodId ?? null) === null
  )
    throw new ValidationFailed(
      'add',
      'add a line, raise or lower a quantity, remove a line, or change the shipping address or method',
    );
}

/** What an edit would do, priced, with nothing appended: the answer of `POST /orders/{id}/edit/preview`. */
export interface EditPreview {
  orderId: string;
  /** The order's revision it was priced on. */
  revision: number;
  /** Carry it as the confirm's If-Match. */
  tag: EditPreviewTag;
  before: OrderTotals;
  after: OrderTotals;
  /** after.total − before.total. */
  difference: { amount: number; currency: string };
  payment: EditPayment;
  lines: OrderLine[];
  added: OrderLine[];
  raised: RaisedLine[];
  lowered: LoweredLine[];
  reservations: StockReservation[];
  releases: StockRelease[];
}

/**
 * Prices an edit exactly as `editOrder` would (same plan, same decider), on the order and stock as
 * the store holds them, and appends nothing. A refusal (a shortage, an edit after shipment, a
 * payment in progress) is the same refusal the confirm would meet.
 */
export async function previewOrderEdit(
  deps: OrderDeps,
  input: EditOrderInput,
  context: CommandContext,
): Promise<EditPreview> {
  requireSomeChange(input);
  const { state: order, revision } = await loadOrder(deps, input.orderId);
  if (order.status === 'none' || revision === null) throw new OrderNotFound(input.orderId);
  const load = <S>(stream: string, decider: Decider<never, DomainEvent, unknown>) =>
    loadAggregate(
      deps.runtime.store,
      decider,
      stream,
      deps.runtime.cache,
      false,
      deps.runtime.upcasters,
    ).then((loaded) => loaded.state as S);
  const config = await loadPricingConfig(deps.runtime);
  const { command, edited } = await editPlan(deps, input, order, config, load, context);
  const { before, after, added, raised, reservations } = edited.data;
  return {
    orderId: input.orderId,
    revision,
    tag: { revision, request: requestHash(input), outcome: outcomeHash(command) },
    before,
    after,
    difference: { amount: after.total.amount - before.total.amount, currency: after.total.currency },
    payment: edited.data.payment ?? { kind: 'none', amount: { amount: 0, currency: order.currency } },
    lines: linesOf(order, edited),
    added,
    raised,
    lowered: edited.data.lowered ?? [],
    reservations,
    releases: edited.data.releases ?? [],
  };
}

function linesOf(order: ExistingOrder, edited: OrderEdited): OrderLine[] {
  const after = orderDecider.evolve(order, edited);
  return after.status === 'none' ? [] : after.lines;
}

async function editPlan(
  deps: OrderDeps,
  input: EditOrderInput,
  order: ExistingOrder,
  config: PricingConfig,
  load: Load,
  context: CommandContext,
): Promise<{ steps: Step[]; command: EditOrder; edited: OrderEdited }> {
  const stream = orderStream(input.orderId);
  const added = await Promise.all(
    input.add.map(async (line) => ({
      ...line,
      product: activeProduct(
        await load<ProductState>(productStream(line.productId), asStepDecider(productDecider)),
        line.productId,
      ),
    })),
  );
  // The products behind the order's lines, for their tax class, weight and backorder rule.
  const productOfSku = new Map<string, Product | null>(
    await Promise.all(
      order.lines.map(async (line) => [line.sku, await productBySku(load, line.sku)] as const),
    ),
  );
  const raised = input.raise.map((raise, i) => {
    const line = order.lines.find((l) => l.lineId === raise.lineId);
    if (!line) throw new ValidationFailed(`raise[${i}].lineId`, 'is not a line of this order');
    return { ...raise, sku: line.sku, product: productOfSku.get(line.sku) ?? null };
  });
  // Removing a line is lowering it by every unit it has left.
  const lower = [
    ...(input.lower ?? []),
    ...(input.remove ?? []).map((lineId, i) => {
      const line = order.lines.find((l) => l.lineId === lineId);
      if (!line) throw new ValidationFailed(`remove[${i}]`, 'is not a line of this order');
      return { lineId, quantity: line.quantity };
    }),
  ];
  const taken = new Set(order.lines.map((l) => l.lineId));
  const newLineIds = nextLineIds(taken, added.length);

  const demands = [
    ...added.map((line, i) => ({
      lineId: newLineIds[i]!,
      sku: line.product.sku,
      quantity: line.quantity,
      allowBackorder: line.product.allowBackorder,
    })),
    ...raised.map((line) => ({
      lineId: line.lineId,
      sku: line.sku,
      quantity: line.quantity,
      allowBackorder: line.product?.allowBackorder ?? false,
    })),
  ];
  const locations = deps.locations.list();
  const skus = [...new Set(demands.map((d) => d.sku))];
  const availability = Object.fromEntries(
    await Promise.all(
      skus.map(
        async (sku) =>
          [
            sku,
            Object.fromEntries(
              await Promise.all(
                locations.map(
                  async (l) =>
                    [
                      l,
                      available(await load<StockState>(stockStream(sku, l), asStepDecider(stockDecider))),
                    ] as const,
                ),
              ),
            ),
          ] as const,
      ),
    ),
  );
  // Quantities must be checked before allocation, which assumes them positive.
  demands.forEach((d, i) => {
    if (!Number.isSafeInteger(d.quantity) || d.quantity <= 0)
      throw new ValidationFailed(
        i < added.length ? `add[${i}].quantity` : `raise[${i - added.length}].quantity`,
        'must be a positive integer',
      );
  });
  // An edit of the address or method alone reserves nothing.
  const allocation =
    demands.length === 0
      ? { ok: true as const, lines: [] }
      : allocate(
          demands.map(({ allowBackorder, ...d }) => ({
            ...d,
            ...(allowBackorder && locations[0] ? { backorderAt: locations[0] } : {}),
          })),
          availability,
          deps.settings.allocationStrategy,
        );
  if (!allocation.ok) throw new StockShortage(allocation.shortages);
  const allocationsOf = (lineId: string) => allocation.lines.find((l) => l.lineId === lineId)!.allocations;

  // Who buys, as a placement for them now prices it: the order's currency and the customer's
  // groups as their stream holds them now pick the price list (the order records unit prices,
  // not which list gave them). Read from the store, not trusted from the state cache: the edit
  // appends neither the customer's nor the lists' streams, so no conflict would catch a stale copy.
  const prices = runtimeLoad(deps.runtime);
  const buyer = { currency: order.currency, groups: await customerGroups(prices, order.customerId) };
  const addedLines = await placementUnitPrices(
    deps,
    prices,
    buyer,
    added.map((line) => pricingLine(line.product, line.quantity)),
  );
  const quantityAfter = (line: OrderLine) =>
    line.quantity +
    (raised.find((r) => r.lineId === line.lineId)?.quantity ?? 0) -
    (lower.find((l) => l.lineId === line.lineId)?.quantity ?? 0);
  const repriced = await changedLinePrices(deps, prices, buyer, order, productOfSku, quantityAfter);
  // The whole order after the edit, priced again: a line the edit leaves alone keeps the price it
  // was sold at; a changed one takes the lower of that and what a placement would charge now.
  const pricingLines: PricingLine[] = [
    ...order.lines.map((line) => ({
      ...linePricing(line.sku, productOfSku.get(line.sku) ?? null, quantityAfter(line)),
      unitPrice: repriced.get(line.lineId) ?? line.unitPrice,
    })),
    ...addedLines,
  ].filter((line) => line.quantity > 0);
  const newPrice = (lineId: string) => {
    const unitPrice = repriced.get(lineId);
    return unitPrice ? { unitPrice } : {};
  };
  const breakdown = await priceOrder(
    config,
    {
      currency: order.currency,
      lines: pricingLines,
      shippingAddress: input.shippingAddress ?? order.shippingAddress,
      shippingMethodId: input.shippingMethodId ?? order.totals.shippingMethod?.methodId ?? null,
      // The customer as a placement for them now sees them (their groups now, as the price list),
      // so a customer-group promotion the order redeemed still applies. `firstOrder` is true: only
      // the promotions the order redeemed at placement are kept (`keptDiscounts`), so a first-order
      // promotion is here only if this order was the first then, and an edit does not change that.
      customer: { customerId: order.customerId, groups: buyer.groups, firstOrder: true },
      couponCodes: order.totals.discounts.flatMap((d) => (d.code === null ? [] : [d.code])),
      channel: null,
      at: context.now,
    },
    keptDiscounts(deps.discountStage, order),
  );
  const command: EditOrder = {
    type: 'EditOrder',
    data: {
      orderId: input.orderId,
      add: added.map((line, i) => ({
        lineId: newLineIds[i]!,
        sku: line.product.sku,
        quantity: line.quantity,
        unitPrice: addedLines[i]!.unitPrice,
        allocations: allocationsOf(newLineIds[i]!),
      })),
      raise: raised.map((line) => ({
        lineId: line.lineId,
        quantity: line.quantity,
        allocations: allocationsOf(line.lineId),
        ...newPrice(line.lineId),
      })),
      lower: lower.map((line) => ({ ...line, ...newPrice(line.lineId) })),
      shippingAddress: input.shippingAddress ?? null,
      pricing: toOrderPricing(breakdown),
    },
  };
  // Decided here first so that a refusal (payment open, extra payment needed) reserves nothing
  // on a backend that appends the steps one by one; the step decides it again.
  const [edited] = orderDecider.decide(command, order) as OrderEdited[];
  const allowBackorder = new Map(demands.map((d) => [d.lineId, d.allowBackorder]));
  const reservations: Step[] = edited!.data.reservations.map((r) => {
    const at = { sku: r.sku, location: r.location, orderId: input.orderId, quantity: r.quantity };
    return {
      stream: stockStream(r.sku, r.location),
      decider: asStepDecider(stockDecider),
      command: {
        type: 'ReserveStock',
        data: {
          ...at,
          expiresAt: order.expiresAt,
          allowBackorder: allowBackorder.get(r.lineId)!,
          extend: true,
        },
      },
      compensate: () => ({
        type: 'ReleaseReservation',
        data: { ...at, reason: 'cancelled', now: context.now },
      }),
    };
  });
  const releases: Step[] = (edited!.data.releases ?? []).map((r) => {
    const at = { sku: r.sku, location: r.location, orderId: input.orderId, quantity: r.quantity };
    return {
      stream: stockStream(r.sku, r.location),
      decider: asStepDecider(stockDecider),
      command: { type: 'ReleaseReservation', data: { ...at, reason: 'cancelled', now: context.now } },
      // Taken back should the order's step fail: the order still holds these units.
      compensate: () => ({
        type: 'ReserveStock',
        data: { ...at, expiresAt: order.expiresAt, allowBackorder: true, extend: true },
      }),
    };
  });
  // Without atomic appends the order goes last: it records the edit only once its stock is held.
  return {
    steps: [...reservations, ...releases, { stream, decider: asStepDecider(orderDecider), command }],
    command,
    edited: edited!,
  };
}

/**
 * The discount stage, kept to the promotions the order redeemed at placement: their amounts are
 * computed again on the edited order, but an edit never applies a promotion the order did not
 * redeem (its use would have to be counted against the promotion's limits).
 */
function keptDiscounts(stage: DiscountStage | undefined, order: ExistingOrder): DiscountStage {
  const held = new Set(order.totals.discounts.map((d) => d.promotionId));
  return async (request, subtotal) =>
    held.size === 0 || !stage ? [] : (await stage(request, subtotal)).filter((d) => held.has(d.promotionId));
}

/**
 * The new unit price of each line the edit raises or lowers, where a placement for the buyer now
 * would charge less per unit for the line's new quantity than the line was sold at (a quantity tier
 * reached, a price list the customer has now, a lower catalog price). Never more: units already
 * sold keep their price when a tier is lost or a price went up. A line taken off whole, or whose
 * product left the catalog, keeps its own.
 */
async function changedLinePrices(
  deps: OrderDeps,
  load: Load,
  buyer: PriceFor,
  order: ExistingOrder,
  productOfSku: ReadonlyMap<string, Product | null>,
  quantityAfter: (line: OrderLine) => number,
): Promise<Map<string, Money>> {
  const changed = order.lines.flatMap((line) => {
    const product = productOfSku.get(line.sku) ?? null;
    const quantity = quantityAfter(line);
    return product && quantity > 0 && quantity !== line.quantity
      ? [{ line, ...pricingLine(product, quantity) }]
      : [];
  });
  const quoted = await placementUnitPrices(deps, load, buyer, changed);
  return new Map(
    quoted
      .filter(
        ({ line, unitPrice }) =>
          unitPrice.currency === order.currency && unitPrice.amount < line.unitPrice.amount,
      )
      .map(({ line, unitPrice }) => [line.lineId, unitPrice]),
  );
}

/** `count` line ids after the order's own (`L4`, `L5`...), skipping any taken. */
function nextLineIds(taken: ReadonlySet<string>, count: number): string[] {
  const ids: string[] = [];
  for (let n = taken.size + 1; ids.length < count; n++) if (!taken.has(`L${n}`)) ids.push(`L${n}`);
  return ids;
}

async function productBySku(load: Load, sku: string): Promise<Product | null> {
  const claim = await load<SkuClaimState>(skuStream(sku), asStepDecider(skuClaimDecider));
  if (claim.status !== 'claimed') return null;
  const product = await load<ProductState>(productStream(claim.productId), asStepDecider(productDecider));
  return product.status === 'absent' ? null : product.product;
}

/** A line's pricing facts: the product's, or (a product gone from the catalog) none beyond its SKU. */
function linePricing(sku: string, product: Product | null, quantity: number): PricingLine {
  if (product) return pricingLine(product, quantity);
  return { productId: '', sku, category: '', brand: '', quantity, unitPrice: { amount: 0, currency: '' } };
}
