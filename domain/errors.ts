import type { JsonObject } from './json.ts';

/**
 * How the API edge should answer a refusal. Status codes live at the edge, not here:
 * conflict → 409, rule → 422, not_found → 404, invalid → 400.
 */
export type ErrorKind = 'conflict' | 'rule' | 'not_found' | 'invalid';

/**
 * A refused command. `code` is stable (clients and tests match on it, never on the message) and
 * `details` is plain JSON, so the edge can put it in a problem+json body as it is.
 */
export abstract class DomainError<Details extends JsonObject = JsonObject> extends Error {
  abstract readonly code: string;
  abstract readonly kind: ErrorKind;
  constructor(
    message: string,
    readonly details: Details,
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

export type ValidationFailedDetails = { field: string; reason: string };

/** The command itself is malformed; `field` is a path such as `lines[1].quantity`. */
export class ValidationFailed extends DomainError<ValidationFailedDetails> {
  override readonly name = 'ValidationFailed';
  readonly code = 'validation_failed';
  readonly kind = 'invalid';
  constructor(field: string, reason: string) {
    super(`${field} ${reason}`, { field, reason });
  }
}

export type AlreadyExistsDetails = { aggregate: string; id: string };

export class AlreadyExists extends DomainError<AlreadyExistsDetails> {
  override readonly name = 'AlreadyExists';
  readonly code = 'already_exists';
  readonly kind = 'conflict';
  constructor(details: AlreadyExistsDetails) {
    super(`${details.aggregate} ${details.id} already exists`, details);
  }
}

export class ProductNotFound extends DomainError<{ productId: string }> {
  override readonly name = 'ProductNotFound';
  readonly code = 'product_not_found';
  readonly kind = 'not_found';
  constructor(productId: string) {
    super(`Product ${productId} does not exist`, { productId });
  }
}

export class LocationNotFound extends DomainError<{ locationId: string }> {
  override readonly name = 'LocationNotFound';
  readonly code = 'location_not_found';
  readonly kind = 'not_found';
  constructor(locationId: string) {
    super(`Location ${locationId} does not exist`, { locationId });
  }
}

export class OrderNotFound extends DomainError<{ orderId: string }> {
  override readonly name = 'OrderNotFound';
  readonly code = 'order_not_found';
  readonly kind = 'not_found';
  constructor(orderId: string) {
    super(`Order ${orderId} does not exist`, { orderId });
  }
}

export type InvalidTransitionDetails = { aggregate: string; id: string; from: string; command: string };

/** The command is not allowed in the aggregate's current state (ship a cancelled order...). */
export class InvalidTransition extends DomainError<InvalidTransitionDetails> {
  override readonly name = 'InvalidTransition';
  readonly code = 'invalid_transition';
  readonly kind = 'rule';
  constructor(details: InvalidTransitionDetails) {
    super(
      `${details.command} is not allowed on ${details.aggregate} ${details.id} while ${details.from}`,
      details,
    );
  }
}

export type NoChangeDetails = { aggregate: string; id: string; field: string };

/** Refused rather than ignored so that the audit log never holds an event that changed nothing. */
export class NoChange extends DomainError<NoChangeDetails> {
  override readonly name = 'NoChange';
  readonly code = 'no_change';
  readonly kind = 'rule';
  constructor(details: NoChangeDetails) {
    super(`${details.field} of ${details.aggregate} ${details.id} already has that value`, details);
  }
}

export type CurrencyMismatchDetails = { expected: string; actual: string };

export class CurrencyMismatch extends DomainError<CurrencyMismatchDetails> {
  override readonly name = 'CurrencyMismatch';
  readonly code = 'currency_mismatch';
  readonly kind = 'rule';
  constructor(details: CurrencyMismatchDetails) {
    super(`Expected an amount in ${details.expected}, got ${details.actual}`, details);
  }
}

export type InsufficientStockDetails = {
  sku: string;
  location: string;
  requested: number;
  available: number;
};

export class InsufficientStock extends DomainError<InsufficientStockDetails> {
  override readonly name = 'InsufficientStock';
  readonly code = 'insufficient_stock';
  readonly kind = 'conflict';
  constructor(details: InsufficientStockDetails) {
    super(
      `${details.requested} of ${details.sku} requested at ${details.location}, ${details.available} available`,
      details,
    );
  }
}

export type Shortage = { sku: string; requested: number; available: number };

/** Placement-level shortage across all locations: the caller builds it from `allocate`'s result. */
export class StockShortage extends DomainError<{ shortages: Shortage[] }> {
  override readonly name = 'StockShortage';
  readonly code = 'stock_shortage';
  readonly kind = 'conflict';
  constructor(shortages: Shortage[]) {
    super(`Not enough stock for ${shortages.map((s) => s.sku).join(', ')}`, { shortages });
  }
}

export type DuplicateReservationDetails = {
  sku: string;
  location: string;
  orderId: string;
  existing: number;
  requested: number;
};

/** The order already holds a different quantity here; an identical retry is a no-op instead. */
export class DuplicateReservation extends DomainError<DuplicateReservationDetails> {
  override readonly name = 'DuplicateReservation';
  readonly code = 'duplicate_reservation';
  readonly kind = 'conflict';
  constructor(details: DuplicateReservationDetails) {
    super(
      `Order ${details.orderId} already holds ${details.existing} of ${details.sku} at ${details.location}`,
      details,
    );
  }
}

export type ReservationExceededDetails = {
  sku: string;
  location: string;
  orderId: string;
  held: number;
  requested: number;
};

/** Releasing or shipping more than the order holds at this location. */
export class ReservationExceeded extends DomainError<ReservationExceededDetails> {
  override readonly name = 'ReservationExceeded';
  readonly code = 'reservation_exceeded';
  readonly kind = 'rule';
  constructor(details: ReservationExceededDetails) {
    super(
      `Order ${details.orderId} holds ${details.held} of ${details.sku} at ${details.location}, ${details.requested} requested`,
      details,
    );
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
