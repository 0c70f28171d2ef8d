/**
 * The orders read model's tables (schema `rm_orders_g<generation>`): order detail, lines, the units
 * still backordered, payments, refunds, shipments, the timeline, and per-customer history (the `orders_by_customer` index).
 */
import type {
  Address,
  LineAllocation,
  OrderDiscount,
  OrderTaxDetail,
  ShipmentLine,
} from '../../domain/orders/events.ts';
import type { OrderState, OrderStatus } from '../../domain/orders/state.ts';
import type { JsonObject } from '../../ports/event-store.ts';
import { col, defineTable, type DatabaseOf, type KyselyTable, type WriteRow } from '../table-declaration.ts';

export type PaymentStatus =
  'pending' | 'failed' | 'authorized' | 'partially_captured' | 'captured' | 'partially_refunded' | 'refunded';

export const orders = defineTable({
  name: 'orders',
  columns: {
    order_id: col.text(),
    customer_id: col.text(),
    status: col.text<OrderStatus>(),
    payment_status: col.text<PaymentStatus>(),
    currency: col.text(),
    /** Minor units of `currency`. */
    subtotal: col.bigint(),
    /** What the discounts took off; 0 for orders placed before the price pipeline. */
    discount_total: col.bigint(),
    shipping: col.bigint(),
    /** Tax added on top of the prices (0 where prices include it). */
    tax: col.bigint(),
    /** All the order's tax, added or included in the prices. */
    tax_total: col.bigint(),
    /** subtotal − discount_total + shipping + tax. */
    total: col.bigint(),
    shipping_method_id: col.text().nullable(),
    discounts: col.json<OrderDiscount[]>(),
    /** Per line and for shipping; `known: false` for orders placed before tax was computed. */
    tax_detail: col.json<OrderTaxDetail>(),
    payment_provider: col.text(),
    payment_ref: col.text().nullable(),
    authorized_amount: col.bigint(),
    captured_amount: col.bigint(),
    refunded_amount: col.bigint(),
    shipping_address: col.json<Address>(),
    line_count: col.integer(),
    item_count: col.integer(),
    expires_at: col.timestamptz(),
    cancellation_reason: col.text().nullable(),
    cancellation_note: col.text().nullable(),
    placed_at: col.timestamptz(),
    updated_at: col.timestamptz(),
    /** Revision of the order stream last applied. */
    revision: col.integer(),
    /**
     * The domain's own order state, folded with `evolveOrder`, so the columns above mean exactly what
     * the write side means. Internal to the projection: read the columns.
     */
    state: col.json<OrderState>(),
  },
  primaryKey: ['order_id'],
  indexes: [
    // "My orders", newest first, keyset-paged.
    { name: 'orders_by_customer_idx', on: ['customer_id', 'placed_at desc', 'order_id desc'] },
    { name: 'orders_by_status_idx', on: ['status', 'placed_at desc'] },
  ],
});

export const orderLines = defineTable({
  name: 'order_lines',
  columns: {
    order_id: col.text(),
    line_id: col.text(),
    /** Order of the line within the order. */
    line_no: col.integer(),
    sku: col.text(),
    quantity: col.integer(),
    unit_price: col.bigint(),
    line_total: col.bigint(),
    currency: col.text(),
    allocations: col.json<LineAllocation[]>(),
  },
  primaryKey: ['order_id', 'line_id'],
});

/**
 * Units of an order waiting for stock, per SKU and location: the stock streams' backorder events
 * (recorded, filled, cancelled) folded. A row whose units were all filled or cancelled stays, at 0.
 * Apart from `order_lines` because a placement appends its stock events before its order event.
 */
export const orderBackorders = defineTable({
  name: 'order_backorders',
  columns: {
    order_id: col.text(),
    sku: col.text(),
    location: col.text(),
    backordered: col.integer(),
  },
  primaryKey: ['order_id', 'sku', 'location'],
});

/** Every payment event: authorization, capture, failure. */
export const orderPayments = defineTable({
  name: 'order_payments',
  columns: {
    event_id: col.text(),
    order_id: col.text(),
    /** Revision of the order stream, to order them. */
    revision: col.integer(),
    kind: col.text<'authorized' | 'captured' | 'failed' | 'attempt'>(),
    payment_ref: col.text().nullable(),
    /** Null for a failure. */
    amount: col.bigint().nullable(),
    currency: col.text(),
    reason: col.text().nullable(),
    at: col.timestamptz(),
  },
  primaryKey: ['event_id'],
  indexes: [{ name: 'order_payments_order_idx', on: ['order_id', 'revision'] }],
});

export const orderRefunds = defineTable({
  name: 'order_refunds',
  columns: {
    refund_id: col.text(),
    order_id: col.text(),
    revision: col.integer(),
    amount: col.bigint(),
    currency: col.text(),
    reason: col.text(),
    actor_id: col.text(),
    at: col.timestamptz(),
  },
  primaryKey: ['order_id', 'refund_id'],
});

export const orderShipments = defineTable({
  name: 'order_shipments',
  columns: {
    shipment_id: col.text(),
    order_id: col.text(),
    revision: col.integer(),
    location: col.text(),
    carrier: col.text(),
    tracking_number: col.text(),
    lines: col.json<ShipmentLine[]>(),
    shipped_at: col.timestamptz(),
  },
  primaryKey: ['order_id', 'shipment_id'],
});

/** One row per chargeback: the open ones, soonest due first, are the staff's disputes queue. */
export const orderDisputes = defineTable({
  name: 'order_disputes',
  columns: {
    dispute_id: col.text(),
    order_id: col.text(),
    customer_id: col.text(),
    payment_ref: col.text(),
    /** Minor units of `currency`. */
    amount: col.bigint(),
    currency: col.text(),
    /** The provider's reason (`fraudulent`, `product_not_received`, ...). */
    reason: col.text(),
    /** When evidence is due at the provider; null when it set no date. */
    due_by: col.timestamptz().nullable(),
    status: col.text<'open' | 'won' | 'lost'>(),
    /** What the provider took from the balance for it (0 until then). */
    withdrawn: col.bigint(),
    opened_at: col.timestamptz(),
    closed_at: col.timestamptz().nullable(),
    /** Revision of the order stream last applied to the row. */
    revision: col.integer(),
  },
  primaryKey: ['order_id', 'dispute_id'],
  indexes: [{ name: 'order_disputes_queue_idx', on: ['status', 'due_by', 'dispute_id'] }],
});

/** One row per claim (damaged, missing, wrong): the open ones, oldest first, are the staff's claims queue. */
export const orderClaims = defineTable({
  name: 'order_claims',
  columns: {
    claim_id: col.text(),
    order_id: col.text(),
    customer_id: col.text(),
    line_id: col.text(),
    sku: col.text(),
    quantity: col.integer(),
    reason: col.text<'damaged' | 'missing' | 'wrong'>(),
    status: col.text<'open' | 'replaced' | 'refunded'>(),
    opened_at: col.timestamptz(),
    resolved_at: col.timestamptz().nullable(),
    /** Revision of the order stream last applied to the row. */
    revision: col.integer(),
  },
  primaryKey: ['order_id', 'claim_id'],
  indexes: [{ name: 'order_claims_queue_idx', on: ['status', 'opened_at', 'claim_id'] }],
});

/** One row per order event: what happened, when, by whom. */
export const orderTimeline = defineTable({
  name: 'order_timeline',
  columns: {
    event_id: col.text(),
    order_id: col.text(),
    revision: col.integer(),
    event_type: col.text(),
    at: col.timestamptz(),
    actor_id: col.text(),
    actor_role: col.text(),
    /** A short human sentence ("Payment of 50.00 EUR captured"). */
    summary: col.text(),
    data: col.json<JsonObject>(),
    correlation_id: col.text(),
  },
  primaryKey: ['event_id'],
  indexes: [{ name: 'order_timeline_order_idx', on: ['order_id', 'revision'] }],
});

/** In DDL order. */
export const ordersTables = [
  orders,
  orderLines,
  orderBackorders,
  orderPayments,
  orderRefunds,
  orderShipments,
  orderDisputes,
  orderClaims,
  orderTimeline,
] as const;

export type OrdersDatabase = DatabaseOf<typeof ordersTables>;
export type OrdersTable = KyselyTable<typeof orders>;
export type OrderRow = WriteRow<typeof orders>;
