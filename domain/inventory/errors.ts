import { DomainError } from '../errors.ts';

/** The refusals of the inventory aggregate; the kinds and the base class are in domain/errors.ts. */
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

export type HoldLimitExceededDetails = {
  sku: string;
  location: string;
  /**
   * `cart`: one cart's units of this SKU; `customer`: one holder's units of it over all its carts,
   * here (a stock stream's own refusal) or at every location (`location: '*'`, checkout's count).
   */
  limit: 'cart' | 'customer';
  max: number;
  held: number;
  requested: number;
};

/**
 * A checkout hold past the cap (docs/carts.md): one client may not set a whole SKU aside. The cart
 * can still check out without a hold, reserving at checkout as an order does.
 */
export class HoldLimitExceeded extends DomainError<HoldLimitExceededDetails> {
  override readonly name = 'HoldLimitExceeded';
  readonly code = 'hold_limit_exceeded';
  readonly kind = 'conflict';
  constructor(details: HoldLimitExceededDetails) {
    super(
      `A ${details.limit} may hold at most ${details.max} of ${details.sku} at ${details.location} (${details.held} held, ${details.requested} requested)`,
      details,
    );
  }
}
