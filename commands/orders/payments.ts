import { isDomainError } from '../../domain/errors.ts';
import { exchangesOf, orderDecider, type OrderCommand } from '../../domain/orders/index.ts';
import { orderStream } from '../../domain/streams.ts';
import { requireText } from '../../domain/validation.ts';
import type { CreatedPayment, PaymentNotification } from '../../ports/payments.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { loadOrder } from './load-order.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderResult } from './order-result.ts';

const nothing: OrderResult = { events: [], revision: null, position: null };

async function apply(deps: OrderDeps, orderId: string, commands: OrderCommand[], context: CommandContext) {
  const outcome = await handleCommand(deps.runtime, orderDecider, orderStream(orderId), commands, context);
  return { events: outcome.events, revision: outcome.revision, position: outcome.position };
}

/** Opens the provider's payment for a placed order (a Stripe PaymentIntent, or a manual receipt to record). */
export function openPayment(
  deps: OrderDeps,
  order: { orderId: string; customerId: string; totals: { total: { amount: number; currency: string } } },
): Promise<CreatedPayment> {
  return deps.payments.createPayment({
    orderId: order.orderId,
    customerId: order.customerId,
    amount: order.totals.total.amount,
    currency: order.totals.total.currency,
    captureMethod: deps.settings.captureAt === 'authorization' ? 'automatic' : 'manual',
    idempotencyKey: `order-${order.orderId}`,
  });
}

/**
 * Captures what is authorized and not yet captured, through the provider first (idempotent by
 * order), then records it. Nothing to capture is not an error: it answers with no events.
 */
export async function capturePayment(
  deps: OrderDeps,
  orderId: string,
  context: CommandContext,
): Promise<OrderResult> {
  const { state } = await loadOrder(deps, orderId);
  if (state.status === 'none' || state.status === 'cancelled' || !state.payment.paymentRef) return nothing;
  if (state.payment.authorized === 0) return nothing; // nothing authorized at the provider yet
  // Units cancelled after the authorization lowered the total: capture that, the provider releases the rest.
  const amount = Math.min(state.payment.authorized, state.totals.total.amount) - state.payment.captured;
  if (amount <= 0) return nothing;
  await deps.payments.capture({
    paymentId: state.payment.paymentRef,
    amount,
    idempotencyKey: `capture-${orderId}`,
  });
  return apply(
    deps,
    orderId,
    [
      {
        type: 'CapturePayment',
        data: { orderId, paymentRef: state.payment.paymentRef, amount: { amount, currency: state.currency } },
      },
    ],
    context,
  );
}

/** The manual provider's way in: an admin records that the order was paid (authorized and captured at once). */
export async function recordManualPayment(
  deps: OrderDeps,
  input: { orderId: string; reference: string; amount: { amount: number; currency: string } },
  context: CommandContext,
): Promise<OrderResult> {
  // Checked under the request's own name: the events call it paymentRef, the admin wrote `reference`.
  requireText('reference', input.reference, 200);
  const data = { orderId: input.orderId, paymentRef: input.reference, amount: input.amount };
  // An order paid for before an edit raised its total: what is recorded now is the difference.
  const { state } = await loadOrder(deps, input.orderId);
  if (state.status !== 'none' && state.payment.extra)
    return apply(deps, input.orderId, [{ type: 'CaptureExtraPayment', data }], context);
  return apply(
    deps,
    input.orderId,
    [
      { type: 'AuthorizePayment', data },
      { type: 'CapturePayment', data },
    ],
    context,
  );
}

/**
 * Turns a verified provider notification into order commands. Providers deliver at least once and
 * out of order, so a notification the order has already moved past is acknowledged and ignored.
 */
export async function applyPaymentNotification(
  deps: OrderDeps,
  notification: PaymentNotification,
  context: CommandContext,
): Promise<OrderResult> {
  const { orderId, paymentId: paymentRef } = notification;
  const { state } = await loadOrder(deps, orderId);
  if (state.status === 'none') return nothing;
  const amount = { amount: notification.amount, currency: notification.currency };
  const commands: OrderCommand[] = [];
  // The payment opened for an edit's difference: it pays that difference, and nothing said about
  // it (a failure, a repeat after it was recorded) touches the order's own payment.
  if (paymentRef !== state.payment.paymentRef && state.payment.extraRefs.includes(paymentRef)) {
    if (notification.kind !== 'payment_succeeded' || state.payment.extra?.paymentRef !== paymentRef)
      return nothing;
    commands.push({ type: 'CaptureExtraPayment', data: { orderId, paymentRef, amount } });
  } else
    switch (notification.kind) {
      case 'payment_authorized':
        if (state.status === 'placed' || state.status === 'payment_failed') {
          commands.push({ type: 'AuthorizePayment', data: { orderId, paymentRef, amount } });
        }
        break;
      case 'payment_succeeded':
        // The extra payment of an exchange: it adds to what the order captured.
        if (exchangesOf(state).some((e) => e.charge?.paymentRef === paymentRef && !e.charge.captured)) {
          commands.push({ type: 'CaptureExchangeCharge', data: { orderId, paymentRef, amount } });
          break;
        }
        if (state.status === 'placed' || state.status === 'payment_failed') {
          commands.push({ type: 'AuthorizePayment', data: { orderId, paymentRef, amount } });
        }
        if (['placed', 'payment_failed', 'authorized'].includes(state.status)) {
          commands.push({ type: 'CapturePayment', data: { orderId, paymentRef, amount } });
        }
        break;
      case 'payment_failed':
        if (['placed', 'authorized'].includes(state.status)) {
          commands.push({
            type: 'RecordPaymentFailure',
            data: { orderId, paymentRef, reason: notification.reason ?? 'declined by the payment provider' },
          });
        }
        break;
      case 'refund_succeeded':
        // Refunds issued through Quartermaster are recorded when issued; this catches ones made at the provider.
        if (notification.refundId && !state.payment.refundIds.includes(notification.refundId)) {
          commands.push({
            type: 'IssueRefund',
            data: {
              orderId,
              refundId: notification.refundId,
              amount,
              reason: notification.reason ?? 'refunded at the provider',
            },
          });
        }
        break;
      case 'refund_failed':
        break;
      default: {
        const never: never = notification.kind;
        return never;
      }
    }
  if (commands.length === 0) return nothing;
  try {
    const result = await apply(deps, orderId, commands, context);
    if (notification.kind === 'payment_authorized' && deps.settings.captureAt === 'authorization') {
      const captured = await capturePayment(deps, orderId, context);
      return captured.position ? captured : result;
    }
    return result;
  } catch (error) {
    // A concurrent delivery of the same notification got there first.
    if (isDomainError(error) && error.kind !== 'invalid') return nothing;
    throw error;
  }
}
