import type { Kysely } from 'kysely';
import { orderEventTypes } from '../../domain/orders/events.ts';
import type { ExistingOrder } from '../../domain/orders/state.ts';
import { insertRows, isoTime, upsertRows, type ColumnTypes } from '../batch-write.ts';
import type { ReadModelProjection } from '../runtime/projection.ts';
import { foldOrders, orderIds, paymentStatus, type OrderModel } from './fold.ts';
import { setupOrders } from './setup.ts';
import type { OrdersDatabase } from './tables.ts';

/**
 * Orders with lines, payments, refunds, shipments and a timeline. Per batch: one select of the
 * touched orders, then one multi-row statement per table.
 */
export function ordersProjection(): ReadModelProjection<OrdersDatabase> {
  return {
    name: 'orders',
    version: 1,
    filter: { categories: ['order'], eventTypes: orderEventTypes },
    setup: setupOrders,
    async apply(db, events) {
      const orders = await load(db, orderIds(events));
      const changes = foldOrders(orders, events);
      await upsertRows(db, 'orders', ['order_id'], orderTypes, changes.orders.map(orderRow));
      await insertRows(
        db,
        'order_lines',
        ['order_id', 'line_id'],
        lineTypes,
        changes.lines.flatMap(({ orderId, currency, lines }) =>
          lines.map((line, index) => ({
            order_id: orderId,
            line_id: line.lineId,
            line_no: index + 1,
            sku: line.sku,
            quantity: line.quantity,
            unit_price: line.unitPrice.amount,
            line_total: line.lineTotal.amount,
            currency,
            allocations: line.allocations,
          })),
        ),
      );
      await insertRows(
        db,
        'order_payments',
        ['event_id'],
        paymentTypes,
        changes.payments.map((p) => ({
          event_id: p.eventId,
          order_id: p.orderId,
          revision: p.revision,
          kind: p.kind,
          payment_ref: p.paymentRef,
          amount: p.amount,
          currency: p.currency,
          reason: p.reason,
          at: p.at,
        })),
      );
      await insertRows(
        db,
        'order_refunds',
        ['order_id', 'refund_id'],
        refundTypes,
        changes.refunds.map((r) => ({
          refund_id: r.refundId,
          order_id: r.orderId,
          revision: r.revision,
          amount: r.amount,
          currency: r.currency,
          reason: r.reason,
          actor_id: r.actorId,
          at: r.at,
        })),
      );
      await insertRows(
        db,
        'order_shipments',
        ['order_id', 'shipment_id'],
        shipmentTypes,
        changes.shipments.map((s) => ({
          shipment_id: s.shipmentId,
          order_id: s.orderId,
          revision: s.revision,
          location: s.location,
          carrier: s.carrier,
          tracking_number: s.trackingNumber,
          lines: s.lines,
          shipped_at: s.at,
        })),
      );
      await insertRows(
        db,
        'order_timeline',
        ['event_id'],
        timelineTypes,
        changes.timeline.map((t) => ({
          event_id: t.eventId,
          order_id: t.orderId,
          revision: t.revision,
          event_type: t.eventType,
          at: t.at,
          actor_id: t.actorId,
          actor_role: t.actorRole,
          summary: t.summary,
          data: t.data,
          correlation_id: t.correlationId,
        })),
      );
      return { invalidate: changes.tags };
    },
  };
}

async function load(db: Kysely<OrdersDatabase>, ids: string[]): Promise<Map<string, OrderModel>> {
  const orders = new Map<string, OrderModel>();
  if (ids.length === 0) return orders;
  const rows = await db
    .selectFrom('orders')
    .select(['order_id', 'state', 'placed_at', 'updated_at', 'revision'])
    .where('order_id', 'in', ids)
    .execute();
  for (const row of rows) {
    orders.set(row.order_id, {
      state: row.state as ExistingOrder,
      placedAt: isoTime(row.placed_at),
      updatedAt: isoTime(row.updated_at),
      revision: row.revision,
    });
  }
  return orders;
}

function orderRow({ state, placedAt, updatedAt, revision }: OrderModel) {
  return {
    order_id: state.orderId,
    customer_id: state.customerId,
    status: state.status,
    payment_status: paymentStatus(state),
    currency: state.currency,
    subtotal: state.totals.subtotal.amount,
    shipping: state.totals.shipping.amount,
    total: state.totals.total.amount,
    payment_provider: state.paymentProvider,
    payment_ref: state.payment.paymentRef,
    authorized_amount: state.payment.authorized,
    captured_amount: state.payment.captured,
    refunded_amount: state.payment.refunded,
    shipping_address: state.shippingAddress,
    line_count: state.lines.length,
    item_count: state.lines.reduce((sum, line) => sum + line.quantity, 0),
    expires_at: state.expiresAt,
    cancellation_reason: state.status === 'cancelled' ? state.cancellation.reason : null,
    cancellation_note: state.status === 'cancelled' ? state.cancellation.note : null,
    placed_at: placedAt,
    updated_at: updatedAt,
    revision,
    state,
  };
}

const orderTypes: ColumnTypes = {
  order_id: 'text',
  customer_id: 'text',
  status: 'text',
  payment_status: 'text',
  currency: 'text',
  subtotal: 'bigint',
  shipping: 'bigint',
  total: 'bigint',
  payment_provider: 'text',
  payment_ref: 'text',
  authorized_amount: 'bigint',
  captured_amount: 'bigint',
  refunded_amount: 'bigint',
  shipping_address: 'jsonb',
  line_count: 'integer',
  item_count: 'integer',
  expires_at: 'timestamptz',
  cancellation_reason: 'text',
  cancellation_note: 'text',
  placed_at: 'timestamptz',
  updated_at: 'timestamptz',
  revision: 'integer',
  state: 'jsonb',
};

const lineTypes: ColumnTypes = {
  order_id: 'text',
  line_id: 'text',
  line_no: 'integer',
  sku: 'text',
  quantity: 'integer',
  unit_price: 'bigint',
  line_total: 'bigint',
  currency: 'text',
  allocations: 'jsonb',
};

const paymentTypes: ColumnTypes = {
  event_id: 'text',
  order_id: 'text',
  revision: 'integer',
  kind: 'text',
  payment_ref: 'text',
  amount: 'bigint',
  currency: 'text',
  reason: 'text',
  at: 'timestamptz',
};

const refundTypes: ColumnTypes = {
  refund_id: 'text',
  order_id: 'text',
  revision: 'integer',
  amount: 'bigint',
  currency: 'text',
  reason: 'text',
  actor_id: 'text',
  at: 'timestamptz',
};

const shipmentTypes: ColumnTypes = {
  shipment_id: 'text',
  order_id: 'text',
  revision: 'integer',
  location: 'text',
  carrier: 'text',
  tracking_number: 'text',
  lines: 'jsonb',
  shipped_at: 'timestamptz',
};

const timelineTypes: ColumnTypes = {
  event_id: 'text',
  order_id: 'text',
  revision: 'integer',
  event_type: 'text',
  at: 'timestamptz',
  actor_id: 'text',
  actor_role: 'text',
  summary: 'text',
  data: 'jsonb',
  correlation_id: 'text',
};
