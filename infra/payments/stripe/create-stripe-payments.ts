import Stripe from 'stripe';
import {
  PaymentNotCancelable,
  PaymentNotCapturable,
  PaymentNotFound,
  RefundExceedsCaptured,
  type CancelPaymentInput,
  type CapturePaymentInput,
  type PaymentOperation,
  type PaymentsPort,
  type RefundPaymentInput,
} from '../../../ports/payments.ts';
import { checkAmount, checkCreatePayment, checkId, checkIdempotencyKey } from '../check-payment-request.ts';
import { paymentStatusFromStripe, refundStatusFromStripe } from './stripe-statuses.ts';
import { stripeErrorCode, translateStripeError } from './translate-stripe-error.ts';

export interface StripePaymentsOptions {
  /** `sk_live_...` or `sk_test_...`. */
  secretKey: string;
  /** Where the API is: only tests change these, to point the real SDK at a local fake. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  /** Retries the SDK makes on connection errors, 409 and 5xx, with the same idempotency key. Default 2. */
  maxNetworkRetries?: number;
  /** Per request. Default 20 s: a command waits for Stripe, so not the SDK's 80 s. */
  timeoutMs?: number;
}

/** Stripe's own refund reasons; any other reason text is kept in the refund's metadata only. */
const STRIPE_REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;
type StripeRefundReason = (typeof STRIPE_REFUND_REASONS)[number];

/** Stripe refuses refunds asking for more than remains with one of these codes. */
const REFUND_TOO_LARGE = new Set([
  'amount_too_large',
  'charge_already_refunded',
  'payment_intent_unexpected_state',
]);

/**
 * The payments port on Stripe, through the official SDK: one PaymentIntent per order, carrying the
 * order and customer ids in its metadata (Stripe copies them onto the charge, which is how webhooks
 * name the order), captured at once or at shipment as the caller asks.
 *
 * Idempotency keys go to Stripe prefixed with the operation (`capture:<key>`): Stripe scopes keys to
 * the whole account, so a handler that derives the same key for two steps of one order must not
 * get the first step's answer back for the second.
 */
export function createStripePayments(options: StripePaymentsOptions): PaymentsPort {
  const stripe = new Stripe(options.secretKey, {
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeoutMs ?? 20_000,
    telemetry: false,
    appInfo: { name: 'quartermaster' },
    // Unset means api.stripe.com:443 over https.
    host: options.host,
    port: options.port,
    protocol: options.protocol,
  });
  const requestOptions = (operation: PaymentOperation, idempotencyKey: string): Stripe.RequestOptions => ({
    idempotencyKey: `${operation}:${idempotencyKey}`,
  });

  /** After Stripe said "unexpected state": what state, read fresh rather than trusted from the error. */
  const currentStatus = async (paymentId: string, operation: PaymentOperation, idempotencyKey: string) => {
    try {
      return await stripe.paymentIntents.retrieve(paymentId);
    } catch (error) {
      throw translateStripeError(error, operation, { paymentId, idempotencyKey });
    }
  };

  return {
    provider: 'stripe',

    async createPayment(input) {
      checkCreatePayment(input);
      try {
        const intent = await stripe.paymentIntents.create(
          {
            amount: input.amount,
            currency: input.currency.toLowerCase(),
            capture_method: input.captureMethod,
            metadata: { orderId: input.orderId, customerId: input.customerId },
            description: `Order ${input.orderId}`,
          },
          requestOptions('createPayment', input.idempotencyKey),
        );
        return {
          paymentId: intent.id,
          clientSecret: intent.client_secret,
          status: paymentStatusFromStripe(intent.status),
        };
      } catch (error) {
        throw translateStripeError(error, 'createPayment', { idempotencyKey: input.idempotencyKey });
      }
    },

    async retrievePayment(paymentId: string) {
      checkId('retrievePayment', 'paymentId', paymentId);
      const intent = await currentStatus(paymentId, 'retrievePayment', '');
      return {
        paymentId: intent.id,
        clientSecret: intent.client_secret,
        status: paymentStatusFromStripe(intent.status),
      };
    },

    async capture({ paymentId, amount, idempotencyKey }: CapturePaymentInput) {
      checkId('capture', 'paymentId', paymentId);
      checkAmount('capture', 'amount', amount);
      checkIdempotencyKey('capture', idempotencyKey);
      try {
        const intent = await stripe.paymentIntents.capture(
          paymentId,
          { amount_to_capture: amount },
          requestOptions('capture', idempotencyKey),
        );
        return { paymentId, amountCaptured: intent.amount_received };
      } catch (error) {
        const code = stripeErrorCode(error);
        if (code === 'amount_too_large') throw new PaymentNotCapturable(paymentId, 'authorized', amount);
        if (code !== 'payment_intent_unexpected_state') {
          throw translateStripeError(error, 'capture', { paymentId, idempotencyKey });
        }
        const intent = await currentStatus(paymentId, 'capture', idempotencyKey);
        // Captured already (a retried shipment, or automatic capture): report what was captured.
        if (intent.status === 'succeeded') return { paymentId, amountCaptured: intent.amount_received };
        throw new PaymentNotCapturable(paymentId, paymentStatusFromStripe(intent.status));
      }
    },

    async cancel({ paymentId, idempotencyKey }: CancelPaymentInput) {
      checkId('cancel', 'paymentId', paymentId);
      checkIdempotencyKey('cancel', idempotencyKey);
      try {
        await stripe.paymentIntents.cancel(paymentId, {}, requestOptions('cancel', idempotencyKey));
        return { paymentId };
      } catch (error) {
        if (stripeErrorCode(error) !== 'payment_intent_unexpected_state') {
          throw translateStripeError(error, 'cancel', { paymentId, idempotencyKey });
        }
        const intent = await currentStatus(paymentId, 'cancel', idempotencyKey);
        // Canceled already (by an earlier attempt, or by Stripe after an authorization expired): done.
        if (intent.status === 'canceled') return { paymentId };
        throw new PaymentNotCancelable(paymentId, paymentStatusFromStripe(intent.status));
      }
    },

    async refund({ paymentId, orderId, amount, reason, idempotencyKey }: RefundPaymentInput) {
      checkId('refund', 'paymentId', paymentId);
      checkId('refund', 'orderId', orderId);
      checkAmount('refund', 'amount', amount);
      checkIdempotencyKey('refund', idempotencyKey);
      try {
        const refund = await stripe.refunds.create(
          {
            payment_intent: paymentId,
            amount,
            ...(isStripeRefundReason(reason) ? { reason } : {}),
            // Refunds do not inherit the payment's metadata: without this, refund webhooks could not name the order.
            metadata: { orderId, reason: reason.slice(0, 500) },
          },
          requestOptions('refund', idempotencyKey),
        );
        return { refundId: refund.id, status: refundStatusFromStripe(refund.status) };
      } catch (error) {
        const code = stripeErrorCode(error);
        if (code !== null && REFUND_TOO_LARGE.has(code)) {
          throw new RefundExceedsCaptured(paymentId, amount, code, (error as Error).message);
        }
        throw translateStripeError(error, 'refund', { paymentId, idempotencyKey });
      }
    },

    async orderOfPayment(paymentId: string) {
      checkId('orderOfPayment', 'paymentId', paymentId);
      try {
        // The order id Quartermaster put in the PaymentIntent's metadata when it opened it.
        const intent = await stripe.paymentIntents.retrieve(paymentId);
        return intent.metadata.orderId || null;
      } catch (error) {
        const translated = translateStripeError(error, 'orderOfPayment', { paymentId, idempotencyKey: '' });
        if (translated instanceof PaymentNotFound) return null;
        throw translated;
      }
    },
  };
}

function isStripeRefundReason(reason: string): reason is StripeRefundReason {
  return (STRIPE_REFUND_REASONS as readonly string[]).includes(reason);
}
