import { DomainError } from '../errors.ts';

/** The refusals of the returns aggregate; the kinds and the base class are in domain/errors.ts. */
export class ReturnNotFound extends DomainError<{ returnId: string }> {
  override readonly name = 'ReturnNotFound';
  readonly code = 'return_not_found';
  readonly kind = 'not_found';
  constructor(returnId: string) {
    super(`Return ${returnId} does not exist`, { returnId });
  }
}

export type OrderNotDeliveredDetails = { orderId: string; status: string };

/** Only delivered goods come back as returns; before delivery the order is cancelled or edited instead. */
export class OrderNotDelivered extends DomainError<OrderNotDeliveredDetails> {
  override readonly name = 'OrderNotDelivered';
  readonly code = 'order_not_delivered';
  readonly kind = 'rule';
  constructor(details: OrderNotDeliveredDetails) {
    super(`Order ${details.orderId} is ${details.status}, not delivered: nothing to return yet`, details);
  }
}

export type ReturnExceedsDeliveredDetails = {
  lineId: string;
  delivered: number;
  alreadyReturned: number;
  requested: number;
};

export class ReturnExceedsDelivered extends DomainError<ReturnExceedsDeliveredDetails> {
  override readonly name = 'ReturnExceedsDelivered';
  readonly code = 'return_exceeds_delivered';
  readonly kind = 'rule';
  constructor(details: ReturnExceedsDeliveredDetails) {
    super(
      `Line ${details.lineId}: ${details.delivered} delivered, ${details.alreadyReturned} already under a return, ${details.requested} requested`,
      details,
    );
  }
}

export type ReturnWindowClosedDetails = {
  lineId: string;
  deliveredAt: string;
  windowDays: number;
  closedAt: string;
};

export class ReturnWindowClosed extends DomainError<ReturnWindowClosedDetails> {
  override readonly name = 'ReturnWindowClosed';
  readonly code = 'return_window_closed';
  readonly kind = 'rule';
  constructor(details: ReturnWindowClosedDetails) {
    super(
      `Line ${details.lineId}: the ${details.windowDays}-day return window closed at ${details.closedAt}`,
      details,
    );
  }
}

export type ReceiptExceedsRequestedDetails = {
  lineId: string;
  requested: number;
  alreadyReceived: number;
  received: number;
};

export class ReceiptExceedsRequested extends DomainError<ReceiptExceedsRequestedDetails> {
  override readonly name = 'ReceiptExceedsRequested';
  readonly code = 'receipt_exceeds_requested';
  readonly kind = 'rule';
  constructor(details: ReceiptExceedsRequestedDetails) {
    super(
      `Line ${details.lineId}: ${details.requested} under the return, ${details.alreadyReceived} already received, ${details.received} more received`,
      details,
    );
  }
}

export type RefundExceedsDueDetails = { returnId: string; due: number; requested: number; currency: string };

/** A return's refund may give back what its lines were paid, never more. */
export class RefundExceedsDue extends DomainError<RefundExceedsDueDetails> {
  override readonly name = 'RefundExceedsDue';
  readonly code = 'refund_exceeds_due';
  readonly kind = 'rule';
  constructor(details: RefundExceedsDueDetails) {
    super(
      `Return ${details.returnId}: ${details.due} ${details.currency} due, ${details.requested} asked`,
      details,
    );
  }
}
