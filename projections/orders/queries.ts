/** Read functions over the orders read model (Kysely scoped to the live generation's schema). */
import type { Kysely, Selectable } from 'kysely';
import type { JsonObject } from '../../commands/ports/event-store.ts';
import type { Address, LineAllocation, ShipmentLine } from '../../domain/orders/events.ts';
import type { OrderStatus } from '../../domain/orders/state.ts';
import { isoTime } from '../batch-write.ts';
import { toNumber } from '../column-types.ts';
import type { OrdersDatabase, OrdersTable, PaymentStatus } from './tables.ts';

export type OrderSummaryView = {
  orderId: string;
  customerId: string;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  currency: string;
  totals: { subtotal: number; shipping: number; total: number };
  lineCount: number;
  itemCount: number;
  placedAt: string;
  updatedAt: string;
  revision: number;
};

export type OrderDetailView = OrderSummaryView & {
  payment: { provider: string; ref: string | null; authorized: number; captured: number; refunded: number };
  shippingAddress: Address;
  expiresAt: string;
  cancellation: { reason: string; note: string | null } | null;
  lines: {
    lineId: string;
    sku: string;
    quantity: number;
    unitPrice: number;
    lineTotal: number;
    allocations: LineAllocation[];
    shipped: number;
  }[];
  payments: {
    kind: 'authorized' | 'captured' | 'failed';
    paymentRef: string | null;
    amount: number | null;
    reason: string | null;
    at: string;
  }[];
  refunds: { refundId: string; amount: number; reason: string; actorId: string; at: string }[];
  shipments: {
    shipmentId: string;
    location: string;
    carrier: string;
    trackingNumber: string;
    lines: ShipmentLine[];
    at: string;
  }[];
};

export type TimelineEntryView = {
  eventId: string;
  revision: number;
  type: string;
  at: string;
  actor: { id: string; role: string };
  summary: string;
  data: JsonObject;
  correlationId: string;
};

const summaryColumns = [
  'order_id',
  'customer_id',
  'status',
  'payment_status',
  'currency',
  'subtotal',
  'shipping',
  'total',
  'line_count',
  'item_count',
  'placed_at',
  'updated_at',
  'revision',
] as const;

/** An `orders` row as listings select it (`summaryColumns`). */
export type OrderSummaryRow = Pick<Selectable<OrdersTable>, (typeof summaryColumns)[number]>;

const detailColumns = [
  ...summaryColumns,
  'payment_provider',
  'payment_ref',
  'authorized_amount',
  'captured_amount',
  'refunded_amount',
  'shipping_address',
  'expires_at',
  'cancellation_reason',
  'cancellation_note',
] as const;

function toSummary(row: OrderSummaryRow): OrderSummaryView {
  return {
    orderId: row.order_id,
    customerId: row.customer_id,
    status: row.status,
    paymentStatus: row.payment_status,
    currency: row.currency,
    totals: {
      subtotal: toNumber(row.subtotal),
      shipping: toNumber(row.shipping),
      total: toNumber(row.total),
    },
    lineCount: row.line_count,
    itemCount: row.item_count,
    placedAt: isoTime(row.placed_at),
    updatedAt: isoTime(row.updated_at),
    revision: row.revision,
  };
}

/**
 * The rows behind one order (every column but the internal `state`), its lines, payments, refunds
 * and shipments; null when there is no such order. `orderDetail` and the read API present them
 * each in their own shape.
 */
export async function orderRows(db: Kysely<OrdersDatabase>, orderId: string) {
  const order = await db
    .selectFrom('orders')
    .select(detailColumns)
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  if (order === undefined) return null;
  const [lines, payments, refunds, shipments] = await Promise.all([
    db.selectFrom('order_lines').selectAll().where('order_id', '=', orderId).orderBy('line_no').execute(),
    db.selectFrom('order_payments').selectAll().where('order_id', '=', orderId).orderBy('revision').execute(),
    db.selectFrom('order_refunds').selectAll().where('order_id', '=', orderId).orderBy('revision').execute(),
    db
      .selectFrom('order_shipments')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('revision')
      .execute(),
  ]);
  return { order, lines, payments, refunds, shipments };
}

/** The whole order, or null. Callers check `customerId` against the caller for customer access. */
export async function orderDetail(
  db: Kysely<OrdersDatabase>,
  orderId: string,
): Promise<OrderDetailView | null> {
  const rows = await orderRows(db, orderId);
  if (rows === null) return null;
  const { order, lines, payments, refunds, shipments } = rows;
  const shipped = new Map<string, number>();
  for (const shipment of shipments) {
    for (const line of shipment.lines)
      shipped.set(line.lineId, (shipped.get(line.lineId) ?? 0) + line.quantity);
  }
  return {
    ...toSummary(order),
    payment: {
      provider: order.payment_provider,
      ref: order.payment_ref,
      authorized: toNumber(order.authorized_amount),
      captured: toNumber(order.captured_amount),
      refunded: toNumber(order.refunded_amount),
    },
    shippingAddress: order.shipping_address,
    expiresAt: isoTime(order.expires_at),
    cancellation:
      order.cancellation_reason === null
        ? null
        : { reason: order.cancellation_reason, note: order.cancellation_note },
    lines: lines.map((l) => ({
      lineId: l.line_id,
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: toNumber(l.unit_price),
      lineTotal: toNumber(l.line_total),
      allocations: l.allocations,
      shipped: shipped.get(l.line_id) ?? 0,
    })),
    payments: payments.map((p) => ({
      kind: p.kind,
      paymentRef: p.payment_ref,
      amount: toNumber(p.amount),
      reason: p.reason,
      at: isoTime(p.at),
    })),
    refunds: refunds.map((r) => ({
      refundId: r.refund_id,
      amount: toNumber(r.amount),
      reason: r.reason,
      actorId: r.actor_id,
      at: isoTime(r.at),
    })),
    shipments: shipments.map((s) => ({
      shipmentId: s.shipment_id,
      location: s.location,
      carrier: s.carrier,
      trackingNumber: s.tracking_number,
      lines: s.lines,
      at: isoTime(s.shipped_at),
    })),
  };
}

/** The `order_timeline` rows of an order, oldest first. */
export function timelineRows(db: Kysely<OrdersDatabase>, orderId: string) {
  return db
    .selectFrom('order_timeline')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('revision')
    .execute();
}

/** What happened to an order, oldest first. */
export async function orderTimeline(
  db: Kysely<OrdersDatabase>,
  orderId: string,
): Promise<TimelineEntryView[]> {
  const rows = await timelineRows(db, orderId);
  return rows.map((r) => ({
    eventId: r.event_id,
    revision: r.revision,
    type: r.event_type,
    at: isoTime(r.at),
    actor: { id: r.actor_id, role: r.actor_role },
    summary: r.summary,
    data: r.data,
    correlationId: r.correlation_id,
  }));
}

/** A customer's order rows, newest first, keyset-paged by (placed_at, order_id) on `orders_by_customer_idx`. */
export function customerOrderRows(
  db: Kysely<OrdersDatabase>,
  customerId: string,
  options: { limit?: number; after?: { placedAt: string; orderId: string } | undefined } = {},
): Promise<OrderSummaryRow[]> {
  let query = db.selectFrom('orders').select(summaryColumns).where('customer_id', '=', customerId);
  const after = options.after;
  if (after !== undefined) {
    query = query.where((eb) =>
      eb(eb.refTuple('placed_at', 'order_id'), '<', eb.tuple(new Date(after.placedAt), after.orderId)),
    );
  }
  return query
    .orderBy('placed_at', 'desc')
    .orderBy('order_id', 'desc')
    .limit(options.limit ?? 20)
    .execute();
}

/** "My orders": newest first, keyset-paged by (placed_at, order_id) on `orders_by_customer_idx`. */
export async function customerOrders(
  db: Kysely<OrdersDatabase>,
  customerId: string,
  options: { limit?: number; after?: { placedAt: string; orderId: string } } = {},
): Promise<OrderSummaryView[]> {
  const rows = await customerOrderRows(db, customerId, options);
  return rows.map(toSummary);
}
