import { sql, type Kysely, type RawBuilder } from 'kysely';
import { erasedText } from '../../domain/privacy/personal-fields.ts';
import { orderEventTypes } from '../../domain/orders/events.ts';
import type { CustomerErased } from '../../domain/privacy/events.ts';
import { personalFieldsOf } from '../../domain/privacy/personal-fields.ts';
import { cacheTags } from '../cache-tags.ts';
import { erasedJson, withErasure } from '../privacy/erasure.ts';
import type { ExistingOrder } from '../../domain/orders/state.ts';
import { isoTime, type TableWrite } from '../batch-write.ts';
import type { ReadModelProjection, Staged } from '../runtime/projection.ts';
import { stagedApply } from '../runtime/staged.ts';
import { createTables } from '../table-ddl.ts';
import { insert, update, upsert } from '../table-writes.ts';
import { backorderEventTypes, foldBackorders, loadBackorders, type BackorderModels } from './backorders.ts';
import { foldOrders, orderIds, paymentStatus, type OrderModel, type OrdersChanges } from './fold.ts';
import {
  orderBackorders,
  orderClaims,
  orderDisputes,
  orderLines,
  orderPayments,
  orderRefunds,
  orders as ordersTable,
  ordersTables,
  orderShipments,
  orderTimeline,
  type OrderRow,
  type OrdersDatabase,
} from './tables.ts';

/**
 * Orders with lines, payments, refunds, shipments and a timeline. Per batch: one select of the
 * touched orders not loaded yet, then one multi-row statement per table.
 */
export function ordersProjection(): ReadModelProjection<OrdersDatabase> {
  const staged: Staged<OrdersDatabase, OrdersModels> = {
    empty: () => ({ orders: new Map(), backorders: new Map() }),
    size: (models) => models.orders.size + models.backorders.size,
    async load(db, events, models) {
      await load(db, orderIds(events), models.orders);
      await loadBackorders(db, events, models.backorders);
    },
    fold(models, events) {
      const changes = foldOrders(models.orders, events);
      const backorders = foldBackorders(models.backorders, events);
      const backorderRows = backorders.rows.map((row) => ({
        order_id: row.orderId,
        sku: row.sku,
        location: row.location,
        backordered: row.backordered,
      }));
      return {
        writes: [...writes(changes), upsert(orderBackorders, backorderRows)],
        effects: { invalidate: [...new Set([...changes.tags, ...backorders.tags])] },
      };
    },
  };
  return withErasure(
    {
      name: 'orders',
      // 3: priced totals (discounts, tax, shipping method); 4: partial cancellations
      // (`OrderLinesCancelled`) rewrite an order's lines; 5: the timeline of an erased customer held
      // the carrier's tracking words in plain text (a rebuild reads them erased); 6: edits
      // (`OrderEdited`) add lines, raise quantities and re-price the order; 7: disputes
      // (`order_disputes`), exchanges and claims (`order_claims`), and all three in the folded state;
      // 8: the units still backordered (`order_backorders`), from the stock streams' backorder events.
      version: 8,
      filter: {
        categories: ['order', 'stock'],
        eventTypes: [...orderEventTypes, ...backorderEventTypes],
      },
      setup: (db, schema) => createTables(db, schema, ordersTables),
      staged,
      apply: stagedApply(staged),
    },
    eraseOrders,
  );
}

/** The loaded orders by id, and the units they have backordered (`backorders.ts`). */
type OrdersModels = { orders: Map<string, OrderModel>; backorders: BackorderModels };

/** The order events whose timeline rows hold personal fields (`domain/privacy/personal-fields.ts`). */
const timelinePersonalEvents = orderEventTypes.filter((type) => personalFieldsOf(type) !== undefined);

/** The folded state with its cancellation's note (a string) erased, as a replay of the sealed note reads. */
function withoutCancellationNote<T>(state: RawBuilder<T>): RawBuilder<T> {
  const at = sql`${'{cancellation,note}'}::text[]`;
  return sql<T>`(case when jsonb_typeof(${sql.ref('state')}::jsonb #> ${at}) = ${'string'}
    then jsonb_set((${state})::jsonb, ${at}, ${JSON.stringify(erasedText)}::jsonb, false)
    else (${state})::jsonb end)::json`;
}

/** Anonymises the erased customer's orders as a replay would: amounts, SKUs and dates stay. */
async function eraseOrders(db: Kysely<OrdersDatabase>, erasure: CustomerErased['data']): Promise<string[]> {
  if (erasure.orderIds.length > 0) {
    await db
      .updateTable('orders')
      .set({
        shipping_address: erasedJson('shipping_address', 'OrderPlaced', 'shippingAddress.'),
        state: withoutCancellationNote(erasedJson('state', 'OrderPlaced')),
        // The note a cancellation carried, in the row and in the folded state.
        cancellation_note: sql<
          string | null
        >`case when cancellation_note is null then null else ${erasedText}::text end`,
      })
      .where('order_id', 'in', erasure.orderIds)
      .execute();
    // The timeline keeps each event's data: every order event with personal fields is erased there
    // (the placement's address, every edit's new one, a cancellation's note, tracking words...).
    for (const eventType of timelinePersonalEvents)
      await db
        .updateTable('order_timeline')
        .set({ data: erasedJson('data', eventType) })
        .where('order_id', 'in', erasure.orderIds)
        .where('event_type', '=', eventType)
        .execute();
  }
  return [cacheTags.customerOrders(erasure.customerId), ...erasure.orderIds.map(cacheTags.order)];
}

function writes(changes: OrdersChanges): TableWrite[] {
  return [
    upsert(ordersTable, changes.orders.map(orderRow)),
    upsert(
      orderLines,
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
    ),
    insert(
      orderPayments,
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
    ),
    insert(
      orderRefunds,
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
    ),
    insert(
      orderShipments,
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
    ),
    insert(
      orderDisputes,
      changes.disputes.map((d) => ({
        dispute_id: d.disputeId,
        order_id: d.orderId,
        customer_id: d.customerId,
        payment_ref: d.paymentRef,
        amount: d.amount,
        currency: d.currency,
        reason: d.reason,
        due_by: d.dueBy,
        status: d.status,
        withdrawn: d.withdrawn,
        opened_at: d.openedAt,
        closed_at: d.closedAt,
        revision: d.revision,
      })),
    ),
    update(
      orderDisputes,
      ['status', 'withdrawn', 'closed_at', 'revision'],
      changes.disputeUpdates.map((d) => ({
        dispute_id: d.disputeId,
        order_id: d.orderId,
        status: d.status,
        withdrawn: d.withdrawn,
        closed_at: d.closedAt,
        revision: d.revision,
      })),
    ),
    insert(
      orderClaims,
      changes.claims.map((claim) => ({
        claim_id: claim.claimId,
        order_id: claim.orderId,
        customer_id: claim.customerId,
        line_id: claim.lineId,
        sku: claim.sku,
        quantity: claim.quantity,
        reason: claim.reason,
        status: claim.status,
        opened_at: claim.openedAt,
        resolved_at: claim.resolvedAt,
        revision: claim.revision,
      })),
    ),
    update(
      orderClaims,
      ['status', 'resolved_at', 'revision'],
      changes.claimUpdates.map((claim) => ({
        claim_id: claim.claimId,
        order_id: claim.orderId,
        status: claim.status,
        resolved_at: claim.resolvedAt,
        revision: claim.revision,
      })),
    ),
    insert(
      orderTimeline,
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
    ),
  ];
}

/** Adds the orders among `ids` that `orders` does not hold yet, as stored. */
async function load(
  db: Kysely<OrdersDatabase>,
  ids: string[],
  orders: Map<string, OrderModel>,
): Promise<void> {
  const missing = ids.filter((id) => !orders.has(id));
  if (missing.length === 0) return;
  const rows = await db
    .selectFrom('orders')
    .select(['order_id', 'state', 'placed_at', 'updated_at', 'revision'])
    .where('order_id', 'in', missing)
    .execute();
  for (const row of rows) {
    orders.set(row.order_id, {
      state: row.state as ExistingOrder,
      placedAt: isoTime(row.placed_at),
      updatedAt: isoTime(row.updated_at),
      revision: row.revision,
    });
  }
}

function orderRow({ state, placedAt, updatedAt, revision }: OrderModel): OrderRow {
  return {
    order_id: state.orderId,
    customer_id: state.customerId,
    status: state.status,
    payment_status: paymentStatus(state),
    currency: state.currency,
    subtotal: state.totals.subtotal.amount,
    discount_total: state.totals.discountTotal.amount,
    shipping: state.totals.shipping.amount,
    tax: state.totals.tax.amount,
    tax_total: state.totals.taxDetail.total.amount,
    total: state.totals.total.amount,
    shipping_method_id: state.totals.shippingMethod?.methodId ?? null,
    discounts: state.totals.discounts,
    tax_detail: state.totals.taxDetail,
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
