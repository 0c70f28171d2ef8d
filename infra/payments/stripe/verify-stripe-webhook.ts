import Stripe from 'stripe';
import {
  WebhookEventUnmappable,
  WebhookSignatureInvalid,
  type ProviderNotification,
} from '../../../ports/payments.ts';
import { mapStripeEvent } from './map-stripe-event.ts';

export interface VerifyStripeWebhookOptions {
  /** How old a signature may be, in seconds, against replayed deliveries. Default: the SDK's 300; 0 turns the check off. */
  toleranceSeconds?: number;
}

/**
 * Verifies a Stripe webhook delivery with the SDK (`stripe.webhooks.constructEvent`) and maps it to
 * a port notification; `null` for events Quartermaster does not act on (see `mapStripeEvent`).
 *
 * `rawBody` must be the request body exactly as received: the signature covers its bytes, so a body
 * parsed and re-serialized by a framework no longer verifies. Throws `WebhookSignatureInvalid` for a
 * missing, wrong or expired signature (answer 400), and `WebhookEventUnmappable` for a verified event
 * that cannot be mapped (log it and answer 2xx: Stripe retrying will not change it).
 * De-duplication by `providerEventId` is the caller's.
 */
export function verifyStripeWebhook(
  rawBody: string,
  signatureHeader: string,
  webhookSecret: string,
  options: VerifyStripeWebhookOptions = {},
): ProviderNotification | null {
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signatureHeader, webhookSecret, options.toleranceSeconds);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      throw new WebhookSignatureInvalid(error.message);
    }
    // Signed by Stripe but not JSON: cannot happen with Stripe's own deliveries.
    if (error instanceof SyntaxError)
      throw new WebhookEventUnmappable('unknown', 'unknown', 'the body is not JSON');
    throw error;
  }
  return mapStripeEvent(event);
}
