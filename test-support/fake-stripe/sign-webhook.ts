import Stripe from 'stripe';
import { stripeId, unixNow, type FakeEvent } from './stripe-objects.ts';

export interface SignedWebhook {
  /** The exact body to deliver; verification fails if a single byte changes. */
  payload: string;
  /** The `Stripe-Signature` header value. */
  signature: string;
}

/**
 * Signs an event the way Stripe signs webhook deliveries, with the SDK's own test helper, so that
 * what the adapter verifies is byte for byte what Stripe would send.
 * `timestamp` (unix seconds) defaults to now; an old one tests the replay tolerance.
 */
export function signWebhook(event: FakeEvent, secret: string, timestamp?: number): SignedWebhook {
  const payload = JSON.stringify(event, null, 2);
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret,
    ...(timestamp === undefined ? {} : { timestamp }),
  });
  return { payload, signature };
}

/**
 * A Stripe event around any object (a PaymentIntent, a charge, a refund), for webhook cases the
 * fake's own flows do not produce: `previous_attributes` as Stripe sends them for `*.updated` events.
 */
export function buildStripeEvent(
  type: string,
  object: { id: string; object: string },
  previousAttributes?: Record<string, unknown>,
): FakeEvent {
  return {
    id: stripeId('evt'),
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: unixNow(),
    data: { object, ...(previousAttributes ? { previous_attributes: previousAttributes } : {}) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}
