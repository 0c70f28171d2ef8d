import type Stripe from 'stripe';
import {
  WebhookEventUnmappable,
  type DisputeNotification,
  type DisputeNotificationKind,
  type PaymentNotification,
  type PaymentNotificationKind,
  type ProviderNotification,
} from '../../../ports/payments.ts';

/**
 * The event types Quartermaster acts on: enable exactly these on the Stripe webhook endpoint.
 * `refund.failed` is left out on purpose: `refund.updated` reports the same failure, and one
 * notification per change is enough.
 */
export const STRIPE_WEBHOOK_EVENTS = [
  'payment_intent.amount_capturable_updated',
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'charge.refunded',
  'refund.updated',
  'charge.dispute.created',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.closed',
] as const;

/**
 * A verified Stripe event as a port notification, or `null` when it is nothing to act on: a type
 * we do not handle, a state that settles nothing yet (a pending refund), or a PaymentIntent that
 * Quartermaster did not create (no `orderId` in its metadata: another integration on the account).
 * A refund without an order id throws `WebhookEventUnmappable` instead: it concerns a payment,
 * probably one of ours refunded from the Stripe dashboard, and someone should look at it.
 */
export function mapStripeEvent(event: Stripe.Event): ProviderNotification | null {
  switch (event.type) {
    case 'payment_intent.amount_capturable_updated': {
      const intent = event.data.object;
      // Also sent when the capturable amount drops to zero; only a hold on funds is an authorization.
      if (intent.amount_capturable <= 0) return null;
      return fromPaymentIntent(event, 'payment_authorized', intent, intent.amount_capturable);
    }
    case 'payment_intent.succeeded': {
      const intent = event.data.object;
      return fromPaymentIntent(event, 'payment_succeeded', intent, intent.amount_received);
    }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object;
      const reason =
        intent.last_payment_error?.message ?? intent.last_payment_error?.code ?? 'payment failed';
      return fromPaymentIntent(event, 'payment_failed', intent, intent.amount, reason);
    }
    case 'charge.refunded':
      return fromRefundedCharge(event);
    case 'refund.updated':
      return fromUpdatedRefund(event);
    case 'charge.dispute.created':
      return fromDispute(event, 'dispute_opened', event.data.object);
    case 'charge.dispute.funds_withdrawn':
      return fromDispute(event, 'dispute_funds_withdrawn', event.data.object);
    case 'charge.dispute.closed':
      return fromDispute(event, 'dispute_closed', event.data.object);
    default:
      return null;
  }
}

function fromPaymentIntent(
  event: Stripe.Event,
  kind: PaymentNotificationKind,
  intent: Stripe.PaymentIntent,
  amount: number,
  reason?: string,
): PaymentNotification | null {
  const orderId = intent.metadata.orderId;
  if (!orderId) return null;
  return {
    providerEventId: event.id,
    kind,
    orderId,
    paymentId: intent.id,
    amount,
    currency: intent.currency.toUpperCase(),
    ...(reason === undefined ? {} : { reason }),
  };
}

function fromRefundedCharge(event: Stripe.ChargeRefundedEvent): PaymentNotification | null {
  const charge = event.data.object;
  const orderId = charge.metadata.orderId;
  const paymentId = idOf(charge.payment_intent);
  // Stripe copies the PaymentIntent's metadata onto its charge: no order id, not our payment.
  if (!orderId || paymentId === null) return null;
  // The event reports the charge's running total; this refund is what it grew by.
  const before = event.data.previous_attributes?.amount_refunded;
  const latest = charge.refunds?.data[0];
  const amount =
    typeof before === 'number' ? charge.amount_refunded - before : (latest?.amount ?? charge.amount_refunded);
  if (amount <= 0) return null;
  return {
    providerEventId: event.id,
    kind: 'refund_succeeded',
    orderId,
    paymentId,
    amount,
    currency: charge.currency.toUpperCase(),
    ...(latest ? { refundId: latest.id } : {}),
  };
}

function fromUpdatedRefund(event: Stripe.RefundUpdatedEvent): PaymentNotification | null {
  const refund = event.data.object;
  if (refund.status !== 'succeeded' && refund.status !== 'failed') return null;
  const paymentId = idOf(refund.payment_intent);
  if (paymentId === null) return null;
  const orderId = refund.metadata?.orderId;
  if (!orderId) {
    throw new WebhookEventUnmappable(
      event.id,
      event.type,
      `refund ${refund.id} of ${paymentId} has no orderId in its metadata`,
    );
  }
  return {
    providerEventId: event.id,
    kind: refund.status === 'succeeded' ? 'refund_succeeded' : 'refund_failed',
    orderId,
    paymentId,
    amount: refund.amount,
    currency: refund.currency.toUpperCase(),
    refundId: refund.id,
    ...(refund.status === 'failed' ? { reason: refund.failure_reason ?? 'refund failed' } : {}),
  };
}

/**
 * A dispute names its charge and PaymentIntent but carries none of their metadata: the handler
 * finds the order through the PaymentIntent. A dispute of a charge without a PaymentIntent (a
 * legacy Charges API payment) is not one of ours. Closed as `warning_closed` (an inquiry that
 * never became a chargeback) the shop keeps the money: won.
 */
function fromDispute(
  event: Stripe.Event,
  kind: DisputeNotificationKind,
  dispute: Stripe.Dispute,
): DisputeNotification | null {
  const paymentId = idOf(dispute.payment_intent);
  if (paymentId === null) return null;
  const dueBy = dispute.evidence_details?.due_by;
  return {
    providerEventId: event.id,
    kind,
    disputeId: dispute.id,
    paymentId,
    amount: dispute.amount,
    currency: dispute.currency.toUpperCase(),
    reason: dispute.reason,
    dueBy: typeof dueBy === 'number' ? new Date(dueBy * 1000).toISOString() : null,
    ...(kind === 'dispute_closed' ? { outcome: dispute.status === 'lost' ? 'lost' : 'won' } : {}),
  };
}

/** Expandable fields arrive as an id or as the object itself. */
function idOf(value: string | { id: string } | null): string | null {
  return value === null ? null : typeof value === 'string' ? value : value.id;
}
