import type { PaymentError } from '../../ports/payments.ts';
import {
  IdempotencyKeyReused,
  InvalidPaymentRequest,
  PaymentNotCancelable,
  PaymentNotCapturable,
  PaymentNotFound,
  PaymentProviderError,
  RefundExceedsCaptured,
  WebhookEventUnmappable,
  WebhookSignatureInvalid,
} from '../../ports/payments.ts';
import { HttpProblem } from '../../infra/http/problem.ts';

/**
 * Payment errors as answers. The provider failing is not the caller's fault: 503 when retrying
 * the same request may work, 502 otherwise; what the caller can fix is 400 or 422.
 */
export function paymentProblem(error: PaymentError): HttpProblem {
  const problem = (status: number, code: string, title: string, extensions = {}) =>
    new HttpProblem({ status, code, title, detail: error.message, extensions });
  if (error instanceof PaymentProviderError) {
    return error.retryable
      ? new HttpProblem({
          status: 503,
          code: 'payment_provider_unavailable',
          title: 'Payment provider unavailable',
          detail: `${error.message}. Retry the same request with the same Idempotency-Key.`,
          headers: { 'Retry-After': '5' },
        })
      : problem(502, 'payment_provider_error', 'Payment provider refused', {
          providerCode: error.providerCode,
        });
  }
  if (error instanceof InvalidPaymentRequest) {
    return problem(400, 'invalid_payment_request', 'Invalid payment request', {
      errors: [{ path: error.field, message: error.reason }],
    });
  }
  if (error instanceof WebhookSignatureInvalid)
    return problem(400, 'webhook_signature_invalid', 'Invalid webhook signature');
  if (error instanceof PaymentNotFound) return problem(404, 'payment_not_found', 'Payment not found');
  if (error instanceof RefundExceedsCaptured)
    return problem(422, 'refund_exceeds_captured', 'Refund exceeds what was captured');
  if (error instanceof PaymentNotCapturable)
    return problem(422, 'payment_not_capturable', 'Payment cannot be captured');
  if (error instanceof PaymentNotCancelable)
    return problem(422, 'payment_not_cancelable', 'Payment cannot be cancelled');
  if (error instanceof IdempotencyKeyReused)
    return problem(422, 'payment_idempotency_key_reused', 'Idempotency key reused');
  if (error instanceof WebhookEventUnmappable)
    return problem(422, 'webhook_event_unmappable', 'Webhook event not understood');
  return problem(502, 'payment_error', 'Payment failed');
}
