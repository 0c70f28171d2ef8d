import { createHash } from 'node:crypto';
import { money, type Money } from '../../domain/money.ts';
import { NoExtraPaymentOwed, OrderNotFound } from '../../domain/orders/errors.ts';
import type { OrderEdited } from '../../domain/orders/index.ts';
import type { CreatedPayment } from '../../ports/payments.ts';
import { orderDecider } from '../../domain/orders/index.ts';
import { orderStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { loadOrder } from './load-order.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderResult } from './order-result.ts';
import { issueDueRefund } from './refund-due.ts';

const nothing: OrderResult = { events: [], revision: null, position: null };

/** How far back from the order's end the edit behind an owed difference is looked for. */
const LOOK_BACK = 50;

/**
 * The money an order's last edit moves, after the edit is recorded (`OrderEdited.data.payment`):
 * - a difference owed: an extra payment for it is opened through the payments port (a second
 *   Stripe PaymentIntent, captured as soon as the customer pays it; with the manual provider, the
 *   admin records it) and recorded as `ExtraPaymentOpened`; its webhook records `ExtraPaymentCaptured`;
 * - a refund: the amount the edit decided (what was paid beyond the new total), refunded through
 *   the provider and recorded as `RefundIssued` with the edit as its cause (see `issueDueRefund`);
 * - a release (an authorized order's total went down): nothing to do now, the capture takes the
 *   new total and the provider releases the rest.
 *
 * Every provider call is keyed by the edit (the order's revision that recorded it), so running
 * this again (a retried request, a crash in between) opens or refunds nothing twice.
 *
 * `revision` names the edit to settle (the request's own): another edit may have been recorded
 * since, and its request settles its own money; without it, the order's last edit is settled.
 */
export async function settleEditPayment(
  deps: OrderDeps,
  orderId: string,
  context: CommandContext,
  revision?: number,
): Promise<OrderResult> {
  const { state } = await loadOrder(deps, orderId);
  if (state.status === 'none') return nothing;
  const edit = revision === undefined ? await lastEdit(deps, orderId) : await editAt(deps, orderId, revision);
  if (!edit?.event.data.payment) return nothing;
  const key = `edit-${createHash('sha256').update(`${orderId}\n${edit.revision}`).digest('hex').slice(0, 32)}`;
  const { extra } = state.payment;
  // Nothing is charged on a cancelled order; a refund the edit left due is still the customer's.
  if (
    state.status !== 'cancelled' &&
    extra &&
    extra.paymentRef === null &&
    edit.event.data.payment.kind === 'extra_payment'
  ) {
    const opened = await deps.payments.createPayment({
      orderId,
      customerId: state.customerId,
      amount: extra.amount,
      currency: state.currency,
      // The difference is charged when the customer pays it, whenever the order's own is captured.
      captureMethod: 'automatic',
      idempotencyKey: key,
    });
    const outcome = await handleCommand(
      deps.runtime,
      orderDecider,
      orderStream(orderId),
      {
        type: 'OpenExtraPayment',
        data: {
          orderId,
          paymentRef: opened.paymentId,
          amount: { amount: extra.amount, currency: state.currency },
        },
      },
      context,
    );
    return { events: outcome.events, revision: outcome.revision, position: outcome.position };
  }
  const { payment } = edit.event.data;
  if (payment.kind !== 'refund') return nothing;
  return issueDueRefund(
    deps,
    {
      orderId,
      amount: payment.amount.amount,
      key,
      reason: `order edited (revision ${edit.revision})`,
      cause: { kind: 'edit', revision: edit.revision },
    },
    context,
  );
}

/**
 * The extra payment an edit left owed, for the customer to pay: its amount and the provider's
 * payment as it stands (with Stripe, the PaymentIntent's client secret the storefront confirms).
 * Read from the provider, never opened twice: one not opened yet (a crash after the edit) is
 * opened first, keyed by the edit like the edit's own attempt.
 */
export async function extraPaymentDue(
  deps: OrderDeps,
  orderId: string,
  context: CommandContext,
): Promise<{ orderId: string; amount: Money; payment: CreatedPayment }> {
  let { state } = await loadOrder(deps, orderId);
  if (state.status === 'none') throw new OrderNotFound(orderId);
  if (state.payment.extra?.paymentRef === null) {
    await settleEditPayment(deps, orderId, context);
    ({ state } = await loadOrder(deps, orderId));
  }
  const extra = state.status === 'none' ? null : state.payment.extra;
  if (state.status === 'none' || !extra?.paymentRef)
    throw new NoExtraPaymentOwed({ orderId, paymentRef: null });
  const payment = await deps.payments.retrievePayment(extra.paymentRef);
  return { orderId, amount: money(extra.amount, state.currency), payment };
}

/**
 * After an order is cancelled, the extra payment still open for an edit's difference is released
 * at the provider, so the customer cannot pay for an order that no longer stands (keyed by the
 * payment: a retried cancellation releases it once). One paid already is not released here: its
 * money is the order's, refunded like the rest.
 */
export async function releaseExtraPayment(deps: OrderDeps, orderId: string): Promise<void> {
  const { state } = await loadOrder(deps, orderId);
  if (state.status !== 'cancelled') return;
  const paymentRef = state.payment.extra?.paymentRef;
  if (!paymentRef || paymentRef === state.payment.paymentRef) return;
  await deps.payments.cancel({ paymentId: paymentRef, idempotencyKey: `release-${paymentRef}` });
}

async function editAt(deps: OrderDeps, orderId: string, revision: number) {
  const [found] = await deps.runtime.store.readStream(orderStream(orderId), {
    fromRevision: revision,
    maxCount: 1,
  });
  return found?.type === 'OrderEdited' ? { revision, event: found as unknown as OrderEdited } : null;
}

async function lastEdit(deps: OrderDeps, orderId: string) {
  const recent = await deps.runtime.store.readStream(orderStream(orderId), {
    direction: 'backwards',
    maxCount: LOOK_BACK,
  });
  const found = recent.find((event) => event.type === 'OrderEdited');
  return found ? { revision: found.revision, event: found as unknown as OrderEdited } : null;
}
