import type {
  CancelPaymentInput,
  CanceledPayment,
  CapturePaymentInput,
  CapturedPayment,
  CreatePaymentInput,
  CreatedPayment,
  IssuedRefund,
  PaymentsPort,
  RefundPaymentInput,
} from '../../ports/payments.ts';
import { checkAmount, checkCreatePayment, checkId, checkIdempotencyKey } from './check-payment-request.ts';

/**
 * The embedded default: no payment provider at all. Money changes hands outside the system
 * (bank transfer, cash on delivery, a card terminal) and an admin records it with a command
 * (the write API's record-payment endpoint, or `qm` on the command line); that command, not this
 * adapter, appends PaymentAuthorized/PaymentCaptured.
 *
 * So every call succeeds at once, without network or state:
 * - `createPayment` answers `manual_<orderId>` (deterministic, so a retried placement gets the same
 *   id) with status `awaiting_admin` and no client secret: the storefront shows payment instructions;
 * - `capture` reports the amount it was asked for (the order knows what was authorized; this adapter does not);
 * - `cancel` has nothing to release;
 * - `refund` answers `manual_refund_<idempotencyKey>`, succeeded: the admin pays the money back by
 *   hand, and the order's decider, not this adapter, refuses refunds above what was captured.
 *
 * Inputs are checked as strictly as the Stripe adapter checks them, so that embedded mode does not
 * accept what server mode would refuse.
 */
export function createManualPayments(): PaymentsPort {
  return {
    provider: 'manual',

    async createPayment(input: CreatePaymentInput): Promise<CreatedPayment> {
      checkCreatePayment(input);
      return { paymentId: manualPaymentId(input.orderId), clientSecret: null, status: 'awaiting_admin' };
    },

    // The manual provider keeps no record: nothing is paid online, an admin records the payment.
    async retrievePayment(paymentId: string): Promise<CreatedPayment> {
      checkId('retrievePayment', 'paymentId', paymentId);
      return { paymentId, clientSecret: null, status: 'awaiting_admin' };
    },

    async capture(input: CapturePaymentInput): Promise<CapturedPayment> {
      checkId('capture', 'paymentId', input.paymentId);
      checkIdempotencyKey('capture', input.idempotencyKey);
      checkAmount('capture', 'amount', input.amount);
      return { paymentId: input.paymentId, amountCaptured: input.amount };
    },

    async cancel(input: CancelPaymentInput): Promise<CanceledPayment> {
      checkId('cancel', 'paymentId', input.paymentId);
      checkIdempotencyKey('cancel', input.idempotencyKey);
      return { paymentId: input.paymentId };
    },

    async refund(input: RefundPaymentInput): Promise<IssuedRefund> {
      checkId('refund', 'paymentId', input.paymentId);
      checkId('refund', 'orderId', input.orderId);
      checkAmount('refund', 'amount', input.amount);
      checkIdempotencyKey('refund', input.idempotencyKey);
      // Keyed by the idempotency key so that a retried refund answers the same id.
      return { refundId: `manual_refund_${input.idempotencyKey}`, status: 'succeeded' };
    },

    // The id is derived from the order (see `manualPaymentId`); nothing else has manual payments.
    async orderOfPayment(paymentId: string): Promise<string | null> {
      return paymentId.startsWith(MANUAL_PREFIX) ? paymentId.slice(MANUAL_PREFIX.length) || null : null;
    },
  };
}

/** The manual provider's payment id for an order: deterministic, so it can be derived anywhere. */
const MANUAL_PREFIX = 'manual_';

export function manualPaymentId(orderId: string): string {
  return `${MANUAL_PREFIX}${orderId}`;
}
