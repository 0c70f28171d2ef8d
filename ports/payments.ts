/**
 * The payments port: what command handlers need from a payment provider, and nothing more.
 *
 * Two adapters implement it (`infra/payments/`): Stripe in server mode, and a manual provider in
 * embedded mode where an admin records payments. Money is always an integer in minor units
 * (cents) with an ISO 4217 currency code; never a float.
 *
 * Every call that changes something at the provider takes an idempotency key, so that a handler
 * retried after a crash or a version conflict does not charge, capture or refund twice. Derive the
 * key from the command (its request key or the order id plus the step), never at random.
 */

export type PaymentProviderName = 'stripe' | 'manual';

/** `automatic` captures as soon as the customer pays; `manual` holds the funds until `capture` (at shipment). */
export type CaptureMethod = 'automatic' | 'manual';

/**
 * Where a payment stands, the same words for every provider.
 * - `awaiting_customer`: the customer still has to pay (Stripe: the storefront confirms with the client secret);
 * - `awaiting_admin`: the manual provider; nothing happens until an admin records the payment;
 * - `processing`: the provider is still working on it (bank debits and the like);
 * - `authorized`: funds held, waiting for `capture`;
 * - `succeeded`: captured;
 * - `canceled`: released; nothing can be captured any more.
 */
export type PaymentStatus =
  'awaiting_customer' | 'awaiting_admin' | 'processing' | 'authorized' | 'succeeded' | 'canceled';

export type RefundStatus = 'pending' | 'succeeded' | 'failed' | 'canceled';

export interface CreatePaymentInput {
  orderId: string;
  customerId: string;
  /** Integer minor units, > 0. */
  amount: number;
  /** ISO 4217 code; case does not matter. */
  currency: string;
  captureMethod: CaptureMethod;
  idempotencyKey: string;
}

export interface CreatedPayment {
  /** The provider's id (`pi_...` for Stripe, `manual_<orderId>` for the manual provider): store it on the order. */
  paymentId: string;
  /** What the storefront needs to let the customer pay; `null` when the customer does not pay online. */
  clientSecret: string | null;
  status: PaymentStatus;
}

export interface CapturePaymentInput {
  paymentId: string;
  /**
   * Integer minor units to capture: the order's total, or less to release the rest. Required, not
   * defaulted to "all authorized", because the manual provider keeps no record of what was authorized.
   */
  amount: number;
  idempotencyKey: string;
}

export interface CapturedPayment {
  paymentId: string;
  /** What the provider actually captured, integer minor units. */
  amountCaptured: number;
}

export interface CancelPaymentInput {
  paymentId: string;
  idempotencyKey: string;
}

export interface CanceledPayment {
  paymentId: string;
}

export interface RefundPaymentInput {
  paymentId: string;
  /** Recorded with the refund so that its webhook notifications can name the order. */
  orderId: string;
  /** Integer minor units, > 0 and at most captured minus already refunded. */
  amount: number;
  /** Why, in the admin's words; kept with the refund at the provider. */
  reason: string;
  idempotencyKey: string;
}

export interface IssuedRefund {
  refundId: string;
  status: RefundStatus;
}

export interface PaymentsPort {
  readonly provider: PaymentProviderName;
  /** Opens a payment for an order (Stripe: a PaymentIntent). Nothing is charged yet. */
  createPayment(input: CreatePaymentInput): Promise<CreatedPayment>;
  /**
   * A payment opened earlier, read from the provider: where it stands and what the storefront pays
   * it with (`clientSecret`; `null` when the customer does not pay online). Changes nothing.
   */
  retrievePayment(paymentId: string): Promise<CreatedPayment>;
  /**
   * Captures an authorized payment. Throws `PaymentNotCapturable` when there is nothing to capture
   * (the customer has not paid, or the payment was canceled); a payment already captured answers
   * with what was captured, so a retried shipment does not fail.
   */
  capture(input: CapturePaymentInput): Promise<CapturedPayment>;
  /**
   * Releases a payment that was not captured (order cancelled or expired). Already canceled counts
   * as done; a captured payment throws `PaymentNotCancelable` (refund it instead).
   */
  cancel(input: CancelPaymentInput): Promise<CanceledPayment>;
  /** Refunds part or all of a captured payment. Throws `RefundExceedsCaptured` when it asks for more than remains. */
  refund(input: RefundPaymentInput): Promise<IssuedRefund>;
  /**
   * The order a payment was opened for, or `null` when the provider has no such payment or it was
   * not opened by Quartermaster. Disputes name only the payment (Stripe: a dispute carries no copy of
   * the PaymentIntent's metadata), so their handler asks here.
   */
  orderOfPayment(paymentId: string): Promise<string | null>;
}

export type PaymentNotificationKind =
  'payment_authorized' | 'payment_succeeded' | 'payment_failed' | 'refund_succeeded' | 'refund_failed';

/**
 * A provider's webhook, verified and normalized. The write API turns it into a command, and
 * de-duplicates by `providerEventId` (providers deliver at least once). Two notifications may
 * describe the same refund (Stripe sends `charge.refunded` and `refund.updated`): when `refundId`
 * is set, a refund already recorded under that id is not recorded again.
 */
export interface PaymentNotification {
  /** The provider's event id (`evt_...`): the de-duplication key. */
  providerEventId: string;
  kind: PaymentNotificationKind;
  orderId: string;
  paymentId: string;
  /**
   * Integer minor units: what was authorized (`payment_authorized`), captured (`payment_succeeded`),
   * attempted (`payment_failed`), or refunded by this refund (`refund_*`).
   */
  amount: number;
  /** ISO 4217, upper case (`EUR`). */
  currency: string;
  /** Why a payment or refund failed, in the provider's words. */
  reason?: string;
  refundId?: string;
}

export type DisputeNotificationKind = 'dispute_opened' | 'dispute_funds_withdrawn' | 'dispute_closed';

/**
 * A chargeback's news, verified and normalized: opened, funds withdrawn, closed. It names the
 * payment, not the order (see `orderOfPayment`). Every kind carries the dispute as it stands, so a
 * handler that sees a later step first can record the opening with it.
 */
export interface DisputeNotification {
  /** The provider's event id: the de-duplication key. */
  providerEventId: string;
  kind: DisputeNotificationKind;
  disputeId: string;
  paymentId: string;
  /** Integer minor units disputed. */
  amount: number;
  /** ISO 4217, upper case. */
  currency: string;
  /** The provider's reason (`fraudulent`, `product_not_received`, ...). */
  reason: string;
  /** When evidence is due at the provider (ISO 8601), `null` when it set no date. */
  dueBy: string | null;
  /** How it ended (`dispute_closed` only): an inquiry closed without a chargeback counts as won. */
  outcome?: 'won' | 'lost';
}

export type ProviderNotification = PaymentNotification | DisputeNotification;

export function isDisputeNotification(
  notification: ProviderNotification,
): notification is DisputeNotification {
  return 'disputeId' in notification;
}

/** Which port call failed; carried by provider errors so that logs and retries know what to redo. */
export type PaymentOperation =
  'createPayment' | 'retrievePayment' | 'capture' | 'cancel' | 'refund' | 'orderOfPayment';

/** Base of every error the payments adapters throw on purpose. */
export class PaymentError extends Error {
  override name = 'PaymentError';
}

/**
 * The provider failed or refused for a reason the caller cannot fix with other input: outage,
 * rate limit, bad credentials, an unexpected answer. `retryable` says whether the same call with
 * the same idempotency key may succeed later.
 */
export class PaymentProviderError extends PaymentError {
  override name = 'PaymentProviderError';
  constructor(
    readonly provider: PaymentProviderName,
    readonly operation: PaymentOperation,
    readonly retryable: boolean,
    /** The provider's error code (`rate_limit`, `api_key_expired`...), `null` when it gave none. */
    readonly providerCode: string | null,
    /** HTTP status of the provider's answer, `null` when there was none (connection failure). */
    readonly httpStatus: number | null,
    message: string,
  ) {
    super(`${provider} ${operation} failed${retryable ? ' (retryable)' : ''}: ${message}`);
  }
}

/** The input was malformed before anything was sent: `field` names what to fix (`amount`). */
export class InvalidPaymentRequest extends PaymentError {
  override name = 'InvalidPaymentRequest';
  constructor(
    readonly operation: PaymentOperation,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Invalid ${operation} request: ${field} ${reason}`);
  }
}

/** The provider has no payment with this id (wrong id, or another account or mode). */
export class PaymentNotFound extends PaymentError {
  override name = 'PaymentNotFound';
  constructor(readonly paymentId: string) {
    super(`No payment ${paymentId} at the payment provider.`);
  }
}

/** Nothing can be captured: the customer has not paid yet, the payment failed, or it was canceled. */
export class PaymentNotCapturable extends PaymentError {
  override name = 'PaymentNotCapturable';
  constructor(
    readonly paymentId: string,
    readonly status: PaymentStatus,
    /** What the capture asked for, when it exceeded what is authorized; `null` otherwise. */
    readonly requestedAmount: number | null = null,
  ) {
    super(
      requestedAmount === null
        ? `Payment ${paymentId} cannot be captured while it is ${status}.`
        : `Payment ${paymentId} cannot capture ${requestedAmount}: more than is authorized.`,
    );
  }
}

/** The payment was captured already: cancelling cannot give the money back, a refund can. */
export class PaymentNotCancelable extends PaymentError {
  override name = 'PaymentNotCancelable';
  constructor(
    readonly paymentId: string,
    readonly status: PaymentStatus,
  ) {
    super(`Payment ${paymentId} cannot be canceled while it is ${status}: refund it instead.`);
  }
}

/** A refund asked for more than was captured minus what was already refunded. Nothing was refunded. */
export class RefundExceedsCaptured extends PaymentError {
  override name = 'RefundExceedsCaptured';
  constructor(
    readonly paymentId: string,
    readonly requestedAmount: number,
    /** The provider's code (`amount_too_large`, `charge_already_refunded`...), `null` when it gave none. */
    readonly providerCode: string | null,
    providerMessage: string,
  ) {
    super(`Refund of ${requestedAmount} on payment ${paymentId} refused: ${providerMessage}`);
  }
}

/**
 * The idempotency key was used before for a different request. The provider did nothing: the
 * caller derived the same key for two different operations, which is a bug to fix, not to retry.
 */
export class IdempotencyKeyReused extends PaymentError {
  override name = 'IdempotencyKeyReused';
  constructor(
    readonly operation: PaymentOperation,
    readonly idempotencyKey: string,
  ) {
    super(`Idempotency key ${idempotencyKey} was already used for a different ${operation} request.`);
  }
}

/** A webhook did not come from the provider, or was altered, or is too old: answer 400, record nothing. */
export class WebhookSignatureInvalid extends PaymentError {
  override name = 'WebhookSignatureInvalid';
  constructor(readonly reason: string) {
    super(`Webhook signature invalid: ${reason}`);
  }
}

/**
 * A correctly signed webhook of a type we act on lacks what the notification needs (an order id
 * in the metadata: the payment or refund was made outside Quartermaster, in the provider's dashboard).
 */
export class WebhookEventUnmappable extends PaymentError {
  override name = 'WebhookEventUnmappable';
  constructor(
    readonly providerEventId: string,
    readonly eventType: string,
    readonly reason: string,
  ) {
    super(`Webhook event ${providerEventId} (${eventType}) cannot be mapped: ${reason}`);
  }
}
