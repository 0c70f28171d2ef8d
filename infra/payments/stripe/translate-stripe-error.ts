import Stripe from 'stripe';
import {
  IdempotencyKeyReused,
  PaymentNotFound,
  PaymentProviderError,
  type PaymentOperation,
} from '../../../ports/payments.ts';

type StripeSdkError = InstanceType<typeof Stripe.errors.StripeError>;

export function isStripeError(error: unknown): error is StripeSdkError {
  return error instanceof Stripe.errors.StripeError;
}

/** Stripe's `code` of an SDK error, or `null` for anything else (to branch on before translating). */
export function stripeErrorCode(error: unknown): string | null {
  return isStripeError(error) ? (error.code ?? null) : null;
}

/**
 * Turns what the Stripe SDK threw into the port's errors, for failures no operation handles on
 * its own. The SDK has already retried what it safely could (with the same idempotency key), so
 * `retryable` tells the caller whether trying again later, with the same key, may still succeed.
 * Anything that is not a Stripe error is a bug and is rethrown untouched.
 */
export function translateStripeError(
  error: unknown,
  operation: PaymentOperation,
  context: { paymentId?: string; idempotencyKey: string },
): Error {
  if (!isStripeError(error)) return error instanceof Error ? error : new Error(String(error));
  if (error instanceof Stripe.errors.StripeIdempotencyError) {
    return new IdempotencyKeyReused(operation, context.idempotencyKey);
  }
  if (context.paymentId !== undefined && error.statusCode === 404 && error.code === 'resource_missing') {
    return new PaymentNotFound(context.paymentId);
  }
  const retryable =
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    error instanceof Stripe.errors.StripeAPIError ||
    // 409: another request on the same object held the lock (`lock_timeout`).
    error.statusCode === 409;
  return new PaymentProviderError(
    'stripe',
    operation,
    retryable,
    error.code ?? null,
    error.statusCode ?? null,
    error.message,
  );
}
