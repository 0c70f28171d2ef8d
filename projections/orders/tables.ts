/**
 * The orders read model's tables (schema `rm_orders_g<generation>`): order detail, lines, payments,
 * refunds, shipments, the timeline, and per-customer history (the `orders_by_customer` index).
 */
import type { Address, LineAllocation, ShipmentLine } from '../../domain/orders/events.ts';
import type { OrderState, OrderStatus } from '../../domain/orders/state.ts';
import type { JsonObject } from '../../commands/ports/event-store.ts';
import type { Int8, Json, Timestamp } from '../column-types.ts';

export type PaymentStatus =
  'pending' | 'failed' | 'authorized' | 'partially_captured' | 'captured' | 'partially_refunded' | 'refunded';

export interface OrdersTable {
  order_id: string;
  customer_id: string;
  status: OrderStatus;
  payment_status: PaymentStatus;
  currency: string;
  /** Minor units of `currency`. */
  subtotal: Int8;
  shipping: Int8;
  total: Int8;
  payment_provider: string;
  payment_ref: string | null;
  authorized_amount: Int8;
  captured_amount: Int8;
  refunded_amount: Int8;
  shipping_address: Json<Address>;
  line_count: number;
  item_count: number;
  expires_at: Timestamp;
  cancellation_reason: string | null;
  cancellation_note: string | null;
  placed_at: Timestamp;
  updated_at: Timestamp;
  /** Revision of the order stream last applied. */
  revision: number;
  /**
   * The domain's own order state, folded with `evolveOrder`, so the columns above mean exactly what
   * the write side means. Internal to the projection: read the columns.
   */
  state: Json<OrderState>;
}

export interface OrderLinesTable {
  order_id: string;
  line_id: string;
  /** Order of the line within the order. */
  line_no: number;
  sku: string;
  quantity: number;
  unit_price: Int8;
  line_total: Int8;
  currency: string;
  allocations: Json<LineAllocation[]>;
}

/** Every payment event: authorization, capture, failure. */
export interface OrderPaymentsTable {
  event_id: string;
  order_id: string;
  /** Revision of the order stream, to order them. */
  revision: number;
  kind: 'authorized' | 'captured' | 'failed';
  payment_ref: string | null;
  /** Null for a failure. */
  amount: Int8 | null;
  currency: string;
  reason: string | null;
  at: Timestamp;
}

export interface OrderRefundsTable {
  refund_id: string;
  order_id: string;
  revision: number;
  amount: Int8;
  currency: string;
  reason: string;
  actor_id: string;
  at: Timestamp;
}

export interface OrderShipmentsTable {
  shipment_id: string;
  order_id: string;
  revision: number;
  location: string;
  carrier: string;
  tracking_number: string;
  lines: Json<ShipmentLine[]>;
  shipped_at: Timestamp;
}

/** One row per order event: what happened, when, by whom. */
export interface OrderTimelineTable {
  event_id: string;
  order_id: string;
  revision: number;
  event_type: string;
  at: Timestamp;
  actor_id: string;
  actor_role: string;
  /** A short human sentence ("Payment of 50.00 EUR captured"). */
  summary: string;
  data: Json<JsonObject>;
  correlation_id: string;
}

export interface OrdersDatabase {
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_payments: OrderPaymentsTable;
  order_refunds: OrderRefundsTable;
  order_shipments: OrderShipmentsTable;
  order_timeline: OrderTimelineTable;
}
