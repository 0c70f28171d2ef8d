import { productDecider, type Product } from '../../domain/catalog/index.ts';
import type { Money } from '../../domain/money.ts';
import {
  exchangeDifference,
  orderDecider,
  type ExchangeLine,
  type ExistingOrder,
  type LineExchanged,
  type OrderState,
  type ReplacementTax,
} from '../../domain/orders/index.ts';
import { OrderNotFound } from '../../domain/orders/errors.ts';
import { orderStream, productStream } from '../../domain/streams.ts';
import type { CreatedPayment } from '../../ports/payments.ts';
import { loadPricingConfig, noDiscounts, priceOrder } from '../pricing/price-order.ts';
import { activeProduct, pricingLine } from '../pricing/product-pricing.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import { earlierRun } from '../runtime/request-events.ts';
import { runCommand } from '../runtime/run-command.ts';
import { asStepDecider } from '../runtime/steps.ts';
import { loadOrder } from './load-order.ts';
import { nextReplacementId, replacementReservations } from './replacement-stock.ts';
import type { OrderDeps } from './order-deps.ts';
import { orderResult, type OrderResult } from './order-result.ts';

export interface ExchangeLineInput {
  orderId: string;
  /** Stable per request (the route derives it from the Idempotency-Key): it keys the provider calls. */
  exchangeId: string;
  lineId: string;
  quantity: number;
  /** The product the customer gets instead, at its catalog price now. */
  productId: string;
  reason: string;
}

export interface ExchangeAnswer extends OrderResult {
  exchangeId: string;
  /** Positive: paid through `payment`; negative: refunded; zero: nothing moves. */
  difference: Money | null;
  /** The extra payment for a dearer replacement (the storefront confirms it like the order's). */
  payment: CreatedPayment | null;
}

/**
 * Exchanges delivered units of a line for another product. The replacement is a new line of the
 * order, allocated like a placement's and reserved in the same atomic append as `LineExchanged`,
 * so it never takes a unit a placement holds (a shortage refuses with 409 and appends nothing).
 * The price difference moves through the payments port: a dearer replacement opens an extra
 * payment first (idempotency key `exchange-{exchangeId}`, released again if the exchange is
 * refused), captured when its webhook reports it paid; a cheaper one is refunded after the append,
 * recorded as the order's `RefundIssued`. A retried request answers what its first run appended.
 */
export async function exchangeLine(
  deps: OrderDeps,
  input: ExchangeLineInput,
  context: CommandContext,
): Promise<ExchangeAnswer> {
  const stream = orderStream(input.orderId);
  const earlier = await earlierRun(deps.runtime.store, stream, context);
  if (earlier) {
    const exchanged = earlier.events.find((e) => e.type === 'LineExchanged') as LineExchanged | undefined;
    const { order } = await exchangeFacts(deps, input);
    const difference = exchanged?.data.difference ?? null;
    const payment = exchanged?.data.charge
      ? await openCharge(deps, order, input.exchangeId, exchanged.data.difference)
      : null;
    // The first run died between the exchange and its refund: the refund is still owed.
    if (difference && difference.amount < 0 && !earlier.events.some((e) => e.type === 'RefundIssued')) {
      const refund = { amount: -difference.amount, currency: difference.currency };
      const refunded = await refundDifference(deps, order, input, refund, context);
      return {
        ...refunded,
        events: [...earlier.events, ...refunded.events],
        exchangeId: input.exchangeId,
        difference,
        payment,
      };
    }
    return { ...earlier, exchangeId: input.exchangeId, difference, payment };
  }
  const { order, product } = await exchangeFacts(deps, input);
  const tax = await replacementTax(deps, order, product, input.quantity, context.now);
  const { difference } = exchangeDifference(order, input.lineId, input.quantity, {
    unitPrice: product.price,
    tax,
  });
  const command = (
    chargeRef: string | null,
    allocations: { location: string; quantity: number }[],
  ): ExchangeLine => ({
    type: 'ExchangeLine',
    data: {
      orderId: input.orderId,
      exchangeId: input.exchangeId,
      lineId: input.lineId,
      quantity: input.quantity,
      reason: input.reason,
      replacement: {
        lineId: nextReplacementId(order),
        sku: product.sku,
        unitPrice: product.price,
        tax,
        allocations,
      },
      chargeRef,
    },
  });
  // Decided once before the provider is asked: a refused exchange opens no payment.
  orderDecider.decide(
    command(difference.amount > 0 ? 'pending' : null, [{ location: 'any', quantity: input.quantity }]),
    order,
  );
  const payment = difference.amount > 0 ? await openCharge(deps, order, input.exchangeId, difference) : null;
  let outcome;
  try {
    outcome = await runCommand(
      deps.runtime,
      {
        keys: [`product:${input.productId}`, stream],
        // The replacement contends with placements for its product's stock.
        contention: 'hot',
        plan: async (load) => {
          const current = await load<OrderState>(stream, asStepDecider(orderDecider));
          if (current.status === 'none') throw new OrderNotFound(input.orderId);
          const lineId = nextReplacementId(current);
          const { allocations, reservations } = await replacementReservations(
            deps,
            load,
            {
              orderId: input.orderId,
              lineId,
              sku: product.sku,
              quantity: input.quantity,
              expiresAt: current.expiresAt,
            },
            context,
          );
          const exchange = command(payment?.paymentId ?? null, allocations);
          // Without atomic appends the order goes last: it records the exchange once its stock is held.
          return [...reservations, { stream, decider: asStepDecider(orderDecider), command: exchange }];
        },
      },
      context,
    );
  } catch (error) {
    // Refused (a shortage, a lost race to another exchange): the extra payment is released unpaid.
    if (payment)
      await deps.payments.cancel({
        paymentId: payment.paymentId,
        idempotencyKey: `exchange-${input.exchangeId}`,
      });
    throw error;
  }
  const result = orderResult(outcome, stream);
  if (difference.amount < 0) {
    const refund = { amount: -difference.amount, currency: difference.currency };
    const refunded = await refundDifference(deps, order, input, refund, context);
    return {
      ...refunded,
      events: [...result.events, ...refunded.events],
      exchangeId: input.exchangeId,
      difference,
      payment,
    };
  }
  return { ...result, exchangeId: input.exchangeId, difference, payment };
}

async function exchangeFacts(deps: OrderDeps, input: ExchangeLineInput) {
  const { state } = await loadOrder(deps, input.orderId);
  if (state.status === 'none') throw new OrderNotFound(input.orderId);
  const { state: productState } = await loadAggregate(
    deps.runtime.store,
    productDecider,
    productStream(input.productId),
    deps.runtime.cache,
    true,
    deps.runtime.upcasters,
  );
  return { order: state, product: activeProduct(productState, input.productId) };
}

/**
 * The replacement's tax as a placement would compute it: the price pipeline (`priceOrder`, with
 * the shop's tax port) on the replacement alone at the order's shipping address, without
 * discounts or shipping. Null when the pipeline could not tax it (its tax is then unknown).
 */
async function replacementTax(
  deps: OrderDeps,
  order: ExistingOrder,
  product: Product,
  quantity: number,
  at: string,
): Promise<ReplacementTax | null> {
  const breakdown = await priceOrder(
    await loadPricingConfig(deps.runtime),
    {
      currency: order.currency,
      lines: [pricingLine(product, quantity)],
      shippingAddress: order.shippingAddress,
      shippingMethodId: null,
      customer: null,
      couponCodes: [],
      channel: null,
      at,
    },
    noDiscounts,
    deps.taxProvider,
  );
  const line = breakdown.taxDetail?.known ? breakdown.taxDetail.lines[0] : undefined;
  return line ? { taxClass: line.taxClass, rateBps: line.rateBps, tax: line.tax } : null;
}

/** The extra payment for a dearer replacement, captured as soon as the customer pays it. */
function openCharge(deps: OrderDeps, order: ExistingOrder, exchangeId: string, difference: Money) {
  return deps.payments.createPayment({
    orderId: order.orderId,
    customerId: order.customerId,
    amount: difference.amount,
    currency: difference.currency,
    captureMethod: 'automatic',
    idempotencyKey: `exchange-${exchangeId}`,
  });
}

/** Gives back what the cheaper replacement leaves over, through the provider, then on the order. */
async function refundDifference(
  deps: OrderDeps,
  order: ExistingOrder,
  input: ExchangeLineInput,
  amount: Money,
  context: CommandContext,
): Promise<OrderResult> {
  const reason = `exchange ${input.exchangeId}`;
  const paymentRef = order.payment.paymentRef;
  const issued = paymentRef
    ? await deps.payments.refund({
        paymentId: paymentRef,
        orderId: input.orderId,
        amount: amount.amount,
        reason,
        idempotencyKey: `exchange-${input.exchangeId}`,
      })
    : { refundId: `exchange-${input.exchangeId}` };
  const outcome = await handleCommand(
    deps.runtime,
    orderDecider,
    orderStream(input.orderId),
    { type: 'IssueRefund', data: { orderId: input.orderId, refundId: issued.refundId, amount, reason } },
    context,
  );
  return { events: outcome.events, revision: outcome.revision, position: outcome.position };
}
