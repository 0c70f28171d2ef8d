import type { PaymentStatus, RefundStatus } from '../../../ports/payments.ts';

/**
 * Stripe's PaymentIntent statuses in the port's words. Stripe's enum is open (new values may appear
 * without a new API version), so an unknown one reads as `processing`: not paid, not failed, wait
 * for the webhook that settles it.
 */
export function paymentStatusFromStripe(status: string): PaymentStatus {
  switch (status) {
    case 'requires_payment_method':
    case 'requires_confirmation':
    case 'requires_action':
      return 'awaiting_customer';
    case 'requires_capture':
      return 'authorized';
    case 'succeeded':
      return 'succeeded';
    case 'canceled':
      return 'canceled';
    default:
      return 'processing';
  }
}

/** Stripe's refund statuses; `requires_action` (the customer must give bank details) still counts as pending. */
export function refundStatusFromStripe(status: string | null): RefundStatus {
  switch (status) {
    case 'succeeded':
      return 'succeeded';
    case 'failed':
      return 'failed';
    case 'canceled':
      return 'canceled';
    default:
      return 'pending';
  }
}
