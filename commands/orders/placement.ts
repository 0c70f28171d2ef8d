import type { DomainEvent } from '../../domain/decider.ts';
import type { Address, OrderPlaced } from '../../domain/orders/index.ts';
import type { Money } from '../../domain/money.ts';
import type { Position } from '../../ports/event-store.ts';

/** What a placement takes and answers; shared by the placement and the lookup of an earlier run. */
export interface PlaceOrderInput {
  orderId: string;
  customerId: string;
  currency: string;
  lines: { productId: string; quantity: number }[];
  shippingAddress: Address;
  shippingFee?: Money;
}

export interface PlacedOrder {
  order: OrderPlaced['data'];
  /** Every event the placement appended: the order's and each reservation. */
  events: DomainEvent[];
  revision: number;
  position: Position;
  /** Rebuilt from the events an earlier run of the same request appended: nothing was appended now. */
  replayed?: boolean;
}
