/**
 * The orders read model's queries, as the read API serves them. Each takes a Kysely scoped to the
 * live generation's schema (`withSchema`).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { isoTime as iso } from '../batch-write.ts';
import type { OrderStatus } from '../../domain/orders/state.ts';
import type { OrdersDatabase, OrdersTable } from './tables.ts';

const summaryColumns = [
  'order_id',
  'customer_id',
  'status',
  'payment_status',
  'currency',
  'subtotal',
  'discount_total',
  'shipping',
  'tax',
  'total',
  'line_count',
  'item_count',
  'placed_at',
  'updated_at',
  'revision',
] as const;

/** Every column of `orders` but the projection's internal `state`. */
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
  'tax_total',
  'shipping_method_id',
  'discounts',
  'tax_detail',
] as const;

type OrderSummaryRow = Pick<Selectable<OrdersTable>, (typeof summaryColumns)[number]>;

/** The order as a customer or staff member sees it (the projection's internal `state` left out). */
function orderSummary(order: OrderSummaryRow) {
  const money = (amount: string | number) => ({ amount: Number(amount), currency: order.currency });
  return {
    orderId: order.order_id,
    customerId: order.customer_id,
    status: order.status,
    paymentStatus: order.payment_status,
    subtotal: money(order.subtotal),
    discountTotal: money(order.discount_total),
    shipping: money(order.shipping),
    tax: money(order.tax),
    total: money(order.total),
    lineCount: order.line_count,
    itemCount: order.item_count,
    placedAt: iso(order.placed_at),
    updatedAt: iso(order.updated_at),
  };
}

export type OrderSummary = ReturnType<typeof orderSummary>;

/** The owner of an order, or undefined: what authorization needs before anything else is read. */
export async function orderOwner(db: Kysely<OrdersDatabase>, orderId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('orders')
    .select('customer_id')
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  return row?.customer_id;
}

/**
 * Whether the customer has an order that was not cancelled: the first-order fact of promotion
 * rules (`ops/compose/customer-history.ts`). One probe of `orders_by_customer_idx`.
 */
export async function hasOrdered(db: Kysely<OrdersDatabase>, customerId: string): Promise<boolean> {
  const row = await db
    .selectFrom('orders')
    .select('order_id')
    .where('customer_id', '=', customerId)
    .where('status', '!=', 'cancelled')
    // In the order of `orders_by_customer_idx`, so the plan walks that index. Without it, a table
    // without statistics (autovacuum off) was scanned whole for a customer with no order: LIMIT 1
    // made a sequential scan look cheap, as if a match would turn up early.
    .orderBy('placed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The rows behind one order: the order (null when there is none), its lines, backorders, payments, refunds and shipments. */
async function orderRows(db: Kysely<OrdersDatabase>, orderId: string) {
  const order = await db
    .selectFrom('orders')
    .select(detailColumns)
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  if (order === undefined) return null;
  const [lines, backorders, payments, refunds, shipments, disputes, claims] = await Promise.all([
    db.selectFrom('order_lines').selectAll().where('order_id', '=', orderId).orderBy('line_no').execute(),
    db
      .selectFrom('order_backorders')
      .select(['sku', 'backordered'])
      .where('order_id', '=', orderId)
      .where('backordered', '>', 0)
      .execute(),
    db.selectFrom('order_payments').selectAll().where('order_id', '=', orderId).orderBy('revision').execute(),
    db.selectFrom('order_refunds').selectAll().where('order_id', '=', orderId).orderBy('revision').execute(),
    db
      .selectFrom('order_shipments')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('revision')
      .execute(),
    db
      .selectFrom('order_disputes')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('opened_at')
      .execute(),
    db.selectFrom('order_claims').selectAll().where('order_id', '=', orderId).orderBy('opened_at').execute(),
  ]);
  return { order, lines, backorders, payments, refunds, shipments, disputes, claims };
}

/** The `order_timeline` rows of an order, oldest first. */
function timelineRows(db: Kysely<OrdersDatabase>, orderId: string) {
  return db
    .selectFrom('order_timeline')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('revision')
    .execute();
}

function disputeView(dispute: Selectable<OrdersDatabase['order_disputes']>) {
  const money = (amount: string | number) => ({ amount: Number(amount), currency: dispute.currency });
  return {
    disputeId: dispute.dispute_id,
    orderId: dispute.order_id,
    customerId: dispute.customer_id,
    paymentRef: dispute.payment_ref,
    amount: money(dispute.amount),
    reason: dispute.reason,
    dueBy: dispute.due_by === null ? null : iso(dispute.due_by),
    status: dispute.status,
    withdrawn: money(dispute.withdrawn),
    openedAt: iso(dispute.opened_at),
    closedAt: dispute.closed_at === null ? null : iso(dispute.closed_at),
  };
}

export type DisputeView = ReturnType<typeof disputeView>;

/**
 * The staff's disputes queue: open chargebacks, the soonest due first (those without a due date
 * last), up to `limit`.
 */
export async function openDisputes(db: Kysely<OrdersDatabase>, limit: number): Promise<DisputeView[]> {
  const rows = await db
    .selectFrom('order_disputes')
    .selectAll()
    .where('status', '=', 'open')
    .orderBy(sql`due_by asc nulls last`)
    .orderBy('dispute_id')
    .limit(limit)
    .execute();
  return rows.map(disputeView);
}

function claimView(claim: Selectable<OrdersDatabase['order_claims']>) {
  return {
    claimId: claim.claim_id,
    orderId: claim.order_id,
    customerId: claim.customer_id,
    lineId: claim.line_id,
    sku: claim.sku,
    quantity: claim.quantity,
    reason: claim.reason,
    status: claim.status,
    openedAt: iso(claim.opened_at),
    resolvedAt: claim.resolved_at === null ? null : iso(claim.resolved_at),
  };
}

export type ClaimView = ReturnType<typeof claimView>;

/** The staff's claims queue: open claims (damaged, missing, wrong), the longest waiting first. */
export async function openClaims(db: Kysely<OrdersDatabase>, limit: number): Promise<ClaimView[]> {
  const rows = await db
    .selectFrom('order_claims')
    .selectAll()
    .where('status', '=', 'open')
    .orderBy('opened_at')
    .orderBy('claim_id')
    .limit(limit)
    .execute();
  return rows.map(claimView);
}

/** An order with its lines, payments, refunds, shipments, disputes, claims and timeline (who did what, when). */
export async function orderDetail(db: Kysely<OrdersDatabase>, orderId: string) {
  const [rows, timeline] = await Promise.all([orderRows(db, orderId), timelineRows(db, orderId)]);
  if (!rows) return null;
  const { order, lines, backorders, payments, refunds, shipments, disputes, claims } = rows;
  // An order has one line per SKU: its backordered units, over every location.
  const backordered = (sku: string) =>
    backorders.filter((row) => row.sku === sku).reduce((sum, row) => sum + row.backordered, 0);
  const money = (amount: string | number) => ({ amount: Number(amount), currency: order.currency });
  return {
    ...orderSummary(order),
    shippingAddress: order.shipping_address,
    shippingMethodId: order.shipping_method_id,
    discounts: order.discounts,
    taxTotal: money(order.tax_total),
    taxDetail: order.tax_detail,
    expiresAt: iso(order.expires_at),
    cancellation:
      order.cancellation_reason === null
        ? null
        : { reason: order.cancellation_reason, note: order.cancellation_note },
    payment: {
      provider: order.payment_provider,
      reference: order.payment_ref,
      authorized: money(order.authorized_amount),
      captured: money(order.captured_amount),
      refunded: money(order.refunded_amount),
    },
    lines: lines.map((line) => ({
      lineId: line.line_id,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: money(line.unit_price),
      lineTotal: money(line.line_total),
      allocations: line.allocations,
      backordered: backordered(line.sku),
    })),
    payments: payments.map((payment) => ({
      kind: payment.kind,
      reference: payment.payment_ref,
      amount: payment.amount === null ? null : money(payment.amount),
      reason: payment.reason,
      at: iso(payment.at),
    })),
    refunds: refunds.map((refund) => ({
      refundId: refund.refund_id,
      amount: money(refund.amount),
      reason: refund.reason,
      by: refund.actor_id,
      at: iso(refund.at),
    })),
    shipments: shipments.map((shipment) => ({
      shipmentId: shipment.shipment_id,
      location: shipment.location,
      carrier: shipment.carrier,
      trackingNumber: shipment.tracking_number,
      lines: shipment.lines,
      shippedAt: iso(shipment.shipped_at),
    })),
    disputes: disputes.map(disputeView),
    claims: claims.map(claimView),
    timeline: timeline.map(timelineEntry),
  };
}

function timelineEntry(entry: Selectable<OrdersDatabase['order_timeline']>) {
  return {
    type: entry.event_type,
    summary: entry.summary,
    at: iso(entry.at),
    by: { id: entry.actor_id, role: entry.actor_role },
    correlationId: entry.correlation_id,
    revision: entry.revision,
  };
}

export type OrderTimelineEntry = ReturnType<typeof timelineEntry> & { eventId: string };

/**
 * An order's own timeline, oldest first, each entry with its event id (UUIDv7, ordered as made: it
 * orders entries of one instant among other streams' steps); null when there is no such order.
 */
export async function orderTimeline(
  db: Kysely<OrdersDatabase>,
  orderId: string,
): Promise<OrderTimelineEntry[] | null> {
  const [owner, rows] = await Promise.all([orderOwner(db, orderId), timelineRows(db, orderId)]);
  return owner === undefined ? null : rows.map((row) => ({ ...timelineEntry(row), eventId: row.event_id }));
}

export type OrderDetail = NonNullable<Awaited<ReturnType<typeof orderDetail>>>;

export interface OrderKeyset {
  placedAt: string;
  id: string;
}

/** What the staff order list may narrow by; every field optional. Totals in minor units. */
export interface OrderFilters {
  customerId?: string | undefined;
  status?: OrderStatus | undefined;
  /** Placed at or after (ISO 8601). */
  placedFrom?: string | undefined;
  /** Placed before (ISO 8601). */
  placedTo?: string | undefined;
  minTotal?: number | undefined;
  maxTotal?: number | undefined;
}

/**
 * Orders matching `filters`, newest first, by keyset on `(placed_at, order_id)`: no offset scan, and
 * a page stays stable while new orders arrive. A customer's list is served by
 * `orders_by_customer_idx`, a status filter by `orders_by_status_idx`.
 */
export async function searchOrders(
  db: Kysely<OrdersDatabase>,
  request: { filters: OrderFilters; after?: OrderKeyset | undefined; limit: number },
): Promise<{ items: OrderSummary[]; next: OrderKeyset | null }> {
  const { after, filters } = request;
  let query = db.selectFrom('orders').select(summaryColumns);
  if (filters.customerId !== undefined) query = query.where('customer_id', '=', filters.customerId);
  if (filters.status !== undefined) query = query.where('status', '=', filters.status);
  if (filters.placedFrom !== undefined) query = query.where('placed_at', '>=', new Date(filters.placedFrom));
  if (filters.placedTo !== undefined) query = query.where('placed_at', '<', new Date(filters.placedTo));
  if (filters.minTotal !== undefined) query = query.where('total', '>=', filters.minTotal);
  if (filters.maxTotal !== undefined) query = query.where('total', '<=', filters.maxTotal);
  if (after !== undefined) {
    query = query.where((eb) =>
      eb(eb.refTuple('placed_at', 'order_id'), '<', eb.tuple(new Date(after.placedAt), after.id)),
    );
  }
  // One more than the page: whether a next page exists.
  const rows = await query
    .orderBy('placed_at', 'desc')
    .orderBy('order_id', 'desc')
    .limit(request.limit + 1)
    .execute();
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(orderSummary),
    next: rows.length > request.limit && last ? { placedAt: iso(last.placed_at), id: last.order_id } : null,
  };
}

/** A customer's orders, newest first (`/me/orders`). */
export function customerOrders(
  db: Kysely<OrdersDatabase>,
  request: { customerId: string; after?: OrderKeyset | undefined; limit: number },
): Promise<{ items: OrderSummary[]; next: OrderKeyset | null }> {
  return searchOrders(db, {
    filters: { customerId: request.customerId },
    after: request.after,
    limit: request.limit,
  });
}

/**
 * Every row the orders read model holds about a customer, table by table, as stored: the data
 * export of GDPR art. 15/20 (`/me/data`). Amounts and times come as the driver gives them.
 */
export async function customerOrderRows(
  db: Kysely<OrdersDatabase>,
  customerId: string,
): Promise<Record<string, unknown[]>> {
  const orders = await db.selectFrom('orders').selectAll().where('customer_id', '=', customerId).execute();
  const ids = orders.map((order) => order.order_id);
  if (ids.length === 0) return { orders };
  const [lines, payments, refunds, shipments, disputes, claims, timeline] = await Promise.all([
    db.selectFrom('order_lines').selectAll().where('order_id', 'in', ids).execute(),
    db.selectFrom('order_payments').selectAll().where('order_id', 'in', ids).execute(),
    db.selectFrom('order_refunds').selectAll().where('order_id', 'in', ids).execute(),
    db.selectFrom('order_shipments').selectAll().where('order_id', 'in', ids).execute(),
    db.selectFrom('order_disputes').selectAll().where('order_id', 'in', ids).execute(),
    db.selectFrom('order_claims').selectAll().where('order_id', 'in', ids).execute(),
    db.selectFrom('order_timeline').selectAll().where('order_id', 'in', ids).execute(),
  ]);
  return {
    orders,
    order_lines: lines,
    order_payments: payments,
    order_refunds: refunds,
    order_shipments: shipments,
    order_disputes: disputes,
    order_claims: claims,
    order_timeline: timeline,
  };
}
