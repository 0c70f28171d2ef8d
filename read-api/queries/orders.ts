import type { Kysely } from 'kysely';
import {
  customerOrderRows,
  orderRows,
  timelineRows,
  type OrderSummaryRow,
} from '../../projections/orders/queries.ts';
import type { OrdersDatabase } from '../../projections/orders/tables.ts';
import { isoTime as iso } from '../../projections/batch-write.ts';

/** The order as a customer or staff member sees it (the projection's internal `state` left out). */
function orderSummary(order: OrderSummaryRow) {
  const money = (amount: string | number) => ({ amount: Number(amount), currency: order.currency });
  return {
    orderId: order.order_id,
    customerId: order.customer_id,
    status: order.status,
    paymentStatus: order.payment_status,
    subtotal: money(order.subtotal),
    shipping: money(order.shipping),
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

/** An order with its lines, payments, refunds, shipments and timeline (who did what, when). */
export async function orderDetail(db: Kysely<OrdersDatabase>, orderId: string) {
  const [rows, timeline] = await Promise.all([orderRows(db, orderId), timelineRows(db, orderId)]);
  if (!rows) return null;
  const { order, lines, payments, refunds, shipments } = rows;
  const money = (amount: string | number) => ({ amount: Number(amount), currency: order.currency });
  return {
    ...orderSummary(order),
    shippingAddress: order.shipping_address,
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
    timeline: timeline.map((entry) => ({
      type: entry.event_type,
      summary: entry.summary,
      at: iso(entry.at),
      by: { id: entry.actor_id, role: entry.actor_role },
      correlationId: entry.correlation_id,
      revision: entry.revision,
    })),
  };
}

export type OrderDetail = NonNullable<Awaited<ReturnType<typeof orderDetail>>>;

export interface OrderKeyset {
  placedAt: string;
  id: string;
}

/** A customer's orders, newest first, by keyset on `(placed_at, order_id)` (the customer index). */
export async function customerOrders(
  db: Kysely<OrdersDatabase>,
  request: { customerId: string; after?: OrderKeyset | undefined; limit: number },
): Promise<{ items: OrderSummary[]; next: OrderKeyset | null }> {
  const { after } = request;
  // One more than the page: whether a next page exists.
  const rows = await customerOrderRows(db, request.customerId, {
    limit: request.limit + 1,
    after: after && { placedAt: after.placedAt, orderId: after.id },
  });
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(orderSummary),
    next: rows.length > request.limit && last ? { placedAt: iso(last.placed_at), id: last.order_id } : null,
  };
}
