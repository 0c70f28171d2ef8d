import { DomainError } from '../errors.ts';
import type { CancellationReason } from './events.ts';

/** The refusals of the orders aggregate; the kinds and the base class are in domain/errors.ts. */
export class OrderNotFound extends DomainError<{ orderId: string }> {
  override readonly name = 'OrderNotFound';
  readonly code = 'order_not_found';
  readonly kind = 'not_found';
  constructor(orderId: string) {
    super(`Order ${orderId} does not exist`, { orderId });
  }
}

export type CannotExpireDetails = {
  aggregate: string;
  id: string;
  expiresAt: string;
  now: string;
  why: 'not_yet_due' | 'payment_received';
};

export class CannotExpire extends DomainError<CannotExpireDetails> {
  override readonly name = 'CannotExpire';
  readonly code = 'cannot_expire';
  readonly kind = 'rule';
  constructor(details: CannotExpireDetails) {
    super(`${details.aggregate} ${details.id} cannot expire: ${details.why}`, details);
  }
}

export type AmountMismatchDetails = { expected: number; actual: number; currency: string };

export class AmountMismatch extends DomainError<AmountMismatchDetails> {
  override readonly name = 'AmountMismatch';
  readonly code = 'amount_mismatch';
  readonly kind = 'rule';
  constructor(details: AmountMismatchDetails) {
    super(`Expected ${details.expected} ${details.currency}, got ${details.actual}`, details);
  }
}

export type CaptureExceedsAuthorizedDetails = { authorized: number; requested: number; currency: string };

export class CaptureExceedsAuthorized extends DomainError<CaptureExceedsAuthorizedDetails> {
  override readonly name = 'CaptureExceedsAuthorized';
  readonly code = 'capture_exceeds_authorized';
  readonly kind = 'rule';
  constructor(details: CaptureExceedsAuthorizedDetails) {
    super(
      `Cannot capture ${details.requested}, only ${details.authorized} ${details.currency} authorized`,
      details,
    );
  }
}

export type RefundExceedsCapturedDetails = {
  captured: number;
  alreadyRefunded: number;
  requested: number;
  currency: string;
  /** Taken back by disputes (withdrawn and not won back), when any was. */
  disputed?: number;
  /** Refunds an edit or a cancellation decided that are on their way to the provider, when any are. */
  refundsDue?: number;
};

export class RefundExceedsCaptured extends DomainError<RefundExceedsCapturedDetails> {
  override readonly name = 'RefundExceedsCaptured';
  readonly code = 'refund_exceeds_captured';
  readonly kind = 'rule';
  constructor(details: RefundExceedsCapturedDetails) {
    super(
      `Cannot refund ${details.requested}: ${details.captured} captured, ${details.alreadyRefunded} already refunded`,
      details,
    );
  }
}

export type ShipmentExceedsOrderedDetails = {
  lineId: string;
  ordered: number;
  alreadyShipped: number;
  requested: number;
};

export class ShipmentExceedsOrdered extends DomainError<ShipmentExceedsOrderedDetails> {
  override readonly name = 'ShipmentExceedsOrdered';
  readonly code = 'shipment_exceeds_ordered';
  readonly kind = 'rule';
  constructor(details: ShipmentExceedsOrderedDetails) {
    super(
      `Line ${details.lineId}: ${details.ordered} ordered, ${details.alreadyShipped} shipped, ${details.requested} requested`,
      details,
    );
  }
}

export type ShipmentExceedsAllocationDetails = {
  lineId: string;
  location: string;
  allocated: number;
  alreadyShipped: number;
  requested: number;
};

/** Stock is reserved per location, so a shipment can only take what was allocated to its location. */
export class ShipmentExceedsAllocation extends DomainError<ShipmentExceedsAllocationDetails> {
  override readonly name = 'ShipmentExceedsAllocation';
  readonly code = 'shipment_exceeds_allocation';
  readonly kind = 'rule';
  constructor(details: ShipmentExceedsAllocationDetails) {
    super(
      `Line ${details.lineId}: ${details.allocated} allocated at ${details.location}, ${details.alreadyShipped} shipped from there, ${details.requested} requested`,
      details,
    );
  }
}

export type PlacementCancelledDetails = { orderId: string; reason: CancellationReason };

/**
 * A retried placement whose first run placed the order and then cancelled it in the same request
 * (its payment could not be opened, so its stock was given back). Placing it again under the same
 * key would be a second order; the client places it anew with a new key.
 */
export class PlacementCancelled extends DomainError<PlacementCancelledDetails> {
  override readonly name = 'PlacementCancelled';
  readonly code = 'placement_cancelled';
  readonly kind = 'conflict';
  constructor(details: PlacementCancelledDetails) {
    super(
      `Order ${details.orderId}, placed with this Idempotency-Key, was cancelled (${details.reason}) by the same request; place it again with a new Idempotency-Key.`,
      details,
    );
  }
}

export type CancelExceedsOrderedDetails = { lineId: string; ordered: number; requested: number };

/** A partial cancellation of more units than the line still holds. */
export class CancelExceedsOrdered extends DomainError<CancelExceedsOrderedDetails> {
  override readonly name = 'CancelExceedsOrdered';
  readonly code = 'cancel_exceeds_ordered';
  readonly kind = 'rule';
  constructor(details: CancelExceedsOrderedDetails) {
    super(`Line ${details.lineId}: ${details.ordered} ordered, ${details.requested} to cancel`, details);
  }
}

export type PaymentInProgressDetails = { orderId: string; paymentProvider: string };

/**
 * A card payment opened for the order's total and not yet authorized or failed: the customer may
 * be paying that amount right now, so the total cannot change under it.
 */
export class PaymentInProgress extends DomainError<PaymentInProgressDetails> {
  override readonly name = 'PaymentInProgress';
  readonly code = 'payment_in_progress';
  readonly kind = 'conflict';
  constructor(details: PaymentInProgressDetails) {
    super(
      `Order ${details.orderId} has a ${details.paymentProvider} payment open for its total: change it once the payment is authorized or has failed`,
      details,
    );
  }
}

export type PaymentWindowClosedDetails = { orderId: string; expiresAt: string; now: string };

/** A payment retried after the order's reservations expired: its stock is (or is about to be) released. */
export class PaymentWindowClosed extends DomainError<PaymentWindowClosedDetails> {
  override readonly name = 'PaymentWindowClosed';
  readonly code = 'payment_window_closed';
  readonly kind = 'conflict';
  constructor(details: PaymentWindowClosedDetails) {
    super(
      `Order ${details.orderId} held its stock until ${details.expiresAt}: it can no longer be paid; place it again`,
      details,
    );
  }
}

export type EditPreviewStaleDetails = {
  orderId: string;
  /**
   * `order_changed`: the order moved on since the preview (another edit, a payment, a shipment);
   * `request_differs`: the confirm asks for another change than the one previewed;
   * `totals_changed`: the same change now prices differently (a price, tax or promotion changed).
   */
  reason: 'order_changed' | 'request_differs' | 'totals_changed';
  previewedRevision: number;
  revision: number | null;
};

/** A confirm that carries a preview's ETag no longer matching what the edit would do now: preview again. */
export class EditPreviewStale extends DomainError<EditPreviewStaleDetails> {
  override readonly name = 'EditPreviewStale';
  readonly code = 'edit_preview_stale';
  readonly kind = 'conflict';
  constructor(details: EditPreviewStaleDetails) {
    super(
      `The edit of order ${details.orderId} was previewed at revision ${details.previewedRevision} and is stale (${details.reason.replaceAll('_', ' ')}): preview it again`,
      details,
    );
  }
}

export type ExtraPaymentPendingDetails = { orderId: string; owed: number; currency: string };

/**
 * An edit or a partial cancellation of an order that still owes an earlier edit's difference: its
 * extra payment is for that amount, so the total cannot move again until it is paid.
 */
export class ExtraPaymentPending extends DomainError<ExtraPaymentPendingDetails> {
  override readonly name = 'ExtraPaymentPending';
  readonly code = 'extra_payment_pending';
  readonly kind = 'conflict';
  constructor(details: ExtraPaymentPendingDetails) {
    super(
      `Order ${details.orderId} still owes ${details.owed} ${details.currency} from an earlier edit: change it again once that is paid`,
      details,
    );
  }
}

export type NoExtraPaymentOwedDetails = { orderId: string; paymentRef: string | null };

/** An extra payment recorded for an order that owes nothing (paid already), or for another payment. */
export class NoExtraPaymentOwed extends DomainError<NoExtraPaymentOwedDetails> {
  override readonly name = 'NoExtraPaymentOwed';
  readonly code = 'no_extra_payment_owed';
  readonly kind = 'conflict';
  constructor(details: NoExtraPaymentOwedDetails) {
    super(
      `Order ${details.orderId} owes no extra payment${details.paymentRef === null ? '' : ` ${details.paymentRef}`}`,
      details,
    );
  }
}

export type DisputeNotFoundDetails = { orderId: string; disputeId: string };

/** A dispute's later step (funds withdrawn, closed) for a dispute the order never opened. */
export class DisputeNotFound extends DomainError<DisputeNotFoundDetails> {
  override readonly name = 'DisputeNotFound';
  readonly code = 'dispute_not_found';
  readonly kind = 'not_found';
  constructor(details: DisputeNotFoundDetails) {
    super(`Order ${details.orderId} has no dispute ${details.disputeId}`, details);
  }
}

export type DisputeClosedAlreadyDetails = { orderId: string; disputeId: string; outcome: string };

/** A dispute that ended takes no further step: its outcome is final. */
export class DisputeClosedAlready extends DomainError<DisputeClosedAlreadyDetails> {
  override readonly name = 'DisputeClosedAlready';
  readonly code = 'dispute_closed_already';
  readonly kind = 'conflict';
  constructor(details: DisputeClosedAlreadyDetails) {
    super(`Dispute ${details.disputeId} of order ${details.orderId} was ${details.outcome} already`, details);
  }
}

export type DisputeExceedsCapturedDetails = {
  disputeId: string;
  captured: number;
  requested: number;
  currency: string;
};

/** A dispute or withdrawal for more than the order's payment captured: it cannot concern this order. */
export class DisputeExceedsCaptured extends DomainError<DisputeExceedsCapturedDetails> {
  override readonly name = 'DisputeExceedsCaptured';
  readonly code = 'dispute_exceeds_captured';
  readonly kind = 'rule';
  constructor(details: DisputeExceedsCapturedDetails) {
    super(
      `Dispute ${details.disputeId} of ${details.requested} ${details.currency} exceeds the ${details.captured} captured`,
      details,
    );
  }
}

export type ExchangeExceedsDeliveredDetails = {
  lineId: string;
  delivered: number;
  alreadyExchanged: number;
  requested: number;
};

/** An exchange of more units of a line than were delivered and not exchanged already. */
export class ExchangeExceedsDelivered extends DomainError<ExchangeExceedsDeliveredDetails> {
  override readonly name = 'ExchangeExceedsDelivered';
  readonly code = 'exchange_exceeds_delivered';
  readonly kind = 'rule';
  constructor(details: ExchangeExceedsDeliveredDetails) {
    super(
      `Line ${details.lineId}: ${details.delivered} delivered, ${details.alreadyExchanged} exchanged, ${details.requested} requested`,
      details,
    );
  }
}

export type ExchangeChargeUnknownDetails = { orderId: string; paymentRef: string };

/** A capture for a payment that is no open exchange charge of the order. */
export class ExchangeChargeUnknown extends DomainError<ExchangeChargeUnknownDetails> {
  override readonly name = 'ExchangeChargeUnknown';
  readonly code = 'exchange_charge_unknown';
  readonly kind = 'not_found';
  constructor(details: ExchangeChargeUnknownDetails) {
    super(`Order ${details.orderId} has no uncaptured exchange charge ${details.paymentRef}`, details);
  }
}

export type ClaimExceedsShippedDetails = {
  lineId: string;
  shipped: number;
  alreadyClaimed: number;
  requested: number;
};

/** A claim for more units of a line than were shipped and not claimed already. */
export class ClaimExceedsShipped extends DomainError<ClaimExceedsShippedDetails> {
  override readonly name = 'ClaimExceedsShipped';
  readonly code = 'claim_exceeds_shipped';
  readonly kind = 'rule';
  constructor(details: ClaimExceedsShippedDetails) {
    super(
      `Line ${details.lineId}: ${details.shipped} shipped, ${details.alreadyClaimed} claimed, ${details.requested} requested`,
      details,
    );
  }
}

export type ClaimNotOpenDetails = { orderId: string; claimId: string; status: string };

/** A resolution for a claim the order does not have open (unknown, or resolved already). */
export class ClaimNotOpen extends DomainError<ClaimNotOpenDetails> {
  override readonly name = 'ClaimNotOpen';
  readonly code = 'claim_not_open';
  readonly kind = 'conflict';
  constructor(details: ClaimNotOpenDetails) {
    super(`Claim ${details.claimId} of order ${details.orderId} is ${details.status}`, details);
  }
}
