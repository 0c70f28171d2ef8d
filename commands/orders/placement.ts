import type { DomainEvent } from '../../domain/decider.ts';
import type { Address, OrderPlaced } from '../../domain/orders/index.ts';
import type { PricingCustomer } from '../../domain/pricing/price-breakdown.ts';
import type { Position } from '../../ports/event-store.ts';
import type { StepPlan } from '../runtime/steps.ts';

/** What a placement takes and answers; shared by the placement and the lookup of an earlier run. */
export interface PlaceOrderInput {
  orderId: string;
  customerId: string;
  currency: string;
  lines: { productId: string; quantity: number }[];
  shippingAddress: Address;
  /**
   * The shipping method (`GET /shipping/options`); the server prices it. Required once the shop
   * has shipping zones; a shop without any ships nothing and charges no shipping.
   */
  shippingMethodId?: string | null;
  /** Codes the buyer entered, handed to the discount stage. */
  couponCodes?: string[];
  /** The sales channel, for the discount stage (`web`, `pos`...). */
  channel?: string | null;
  /** Who buys, for the discount stage (groups, first order); a cart passes what it priced with. */
  customer?: PricingCustomer | null;
  /**
   * The total the buyer confirmed (a cart's checkout): a placement that prices to another total is
   * refused with `TotalChanged` and places nothing, rather than charge what the buyer never saw.
   */
  expectedTotal?: number;
  /**
   * The cart whose checkout holds become this order's reservations (a cart's checkout): its held
   * units count as free to the placement, and each reservation takes its hold over, in the same
   * append (`StockReserved.convertedHold`).
   */
  holdsOf?: string;
  /**
   * Another aggregate's steps, appended atomically with the order (a cart's checkout marks the
   * cart checked out). Planned after the order's own, on the same loads; a refusal refuses all.
   */
  alsoAppend?: StepPlan;
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
