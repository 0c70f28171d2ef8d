import type { CreatedPayment } from '../../ports/payments.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { cancelOrder } from './cancel-order.ts';
import type { OrderDeps } from './order-deps.ts';
import { openPayment } from './payments.ts';
import { placeOrder } from './place-order.ts';
import { placedByRequest } from './placed-by-request.ts';
import { requestMark } from '../runtime/request-events.ts';
import type { PlacedOrder, PlaceOrderInput } from './placement.ts';

/** A placed order with the payment opened for it: what every caller of a placement gets. */
export interface PlacedAndPayable extends PlacedOrder {
  payment: CreatedPayment & { provider: string };
}

/**
 * The placement saga: reserve and place the order, then open its payment; if the payment cannot be
 * opened, cancel the order at once (giving its stock back) and rethrow. It lives here, not in a
 * route, so the HTTP API, the CLI, the benchmarks and the tests all place orders the same way.
 *
 * Safe to retry under the same idempotency key: a retry answers the first run's placement (see
 * `placeOrder`), and the provider call is keyed by order, so it opens no second payment.
 */
export async function placeOrderAndOpenPayment(
  deps: OrderDeps,
  input: PlaceOrderInput,
  context: CommandContext,
): Promise<PlacedAndPayable> {
  const placed = await placeOrder(deps, input, context);
  let payment: CreatedPayment;
  try {
    payment = await openPayment(deps, placed.order);
  } catch (error) {
    // Without a payment the order cannot proceed: give its stock back at once, then say so.
    await cancelOrder(
      deps,
      { orderId: input.orderId, reason: 'payment_failed', note: 'payment could not be opened' },
      context,
    );
    throw error;
  }
  return { ...placed, payment: { provider: deps.payments.provider, ...payment } };
}

/**
 * What an earlier run of this request (same Idempotency-Key and actor) placed, with its payment
 * (opened again by order, so the provider answers the same one); null when it placed nothing.
 */
export async function placedEarlier(
  deps: OrderDeps,
  orderId: string,
  context: CommandContext,
): Promise<PlacedAndPayable | null> {
  const mark = requestMark(context);
  const placed = mark ? await placedByRequest(deps, orderId, mark) : null;
  if (!placed) return null;
  const payment = await openPayment(deps, placed.order);
  return { ...placed, payment: { provider: deps.payments.provider, ...payment } };
}
