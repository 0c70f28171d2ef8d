import { sql, type Kysely } from 'kysely';
import { runDdl } from '../ddl.ts';
import type { OrdersDatabase } from './tables.ts';

/** Creates the order tables; `orders_by_customer_idx` serves "my orders", newest first, keyset-paged. */
export async function setupOrders(db: Kysely<OrdersDatabase>, schema: string): Promise<void> {
  await runDdl(db as Kysely<unknown>, schema, (t) => [
    sql`create table ${t('orders')} (
      order_id text primary key,
      customer_id text not null,
      status text not null,
      payment_status text not null,
      currency text not null,
      subtotal bigint not null,
      shipping bigint not null,
      total bigint not null,
      payment_provider text not null,
      payment_ref text,
      authorized_amount bigint not null,
      captured_amount bigint not null,
      refunded_amount bigint not null,
      shipping_address json not null,
      line_count integer not null,
      item_count integer not null,
      expires_at timestamptz not null,
      cancellation_reason text,
      cancellation_note text,
      placed_at timestamptz not null,
      updated_at timestamptz not null,
      revision integer not null,
      state json not null
    )`,
    sql`create index orders_by_customer_idx on ${t('orders')} (customer_id, placed_at desc, order_id desc)`,
    sql`create index orders_by_status_idx on ${t('orders')} (status, placed_at desc)`,
    sql`create table ${t('order_lines')} (
      order_id text not null,
      line_id text not null,
      line_no integer not null,
      sku text not null,
      quantity integer not null,
      unit_price bigint not null,
      line_total bigint not null,
      currency text not null,
      allocations json not null,
      primary key (order_id, line_id)
    )`,
    sql`create table ${t('order_payments')} (
      event_id text primary key,
      order_id text not null,
      revision integer not null,
      kind text not null,
      payment_ref text,
      amount bigint,
      currency text not null,
      reason text,
      at timestamptz not null
    )`,
    sql`create index order_payments_order_idx on ${t('order_payments')} (order_id, revision)`,
    sql`create table ${t('order_refunds')} (
      refund_id text not null,
      order_id text not null,
      revision integer not null,
      amount bigint not null,
      currency text not null,
      reason text not null,
      actor_id text not null,
      at timestamptz not null,
      primary key (order_id, refund_id)
    )`,
    sql`create table ${t('order_shipments')} (
      shipment_id text not null,
      order_id text not null,
      revision integer not null,
      location text not null,
      carrier text not null,
      tracking_number text not null,
      lines json not null,
      shipped_at timestamptz not null,
      primary key (order_id, shipment_id)
    )`,
    sql`create table ${t('order_timeline')} (
      event_id text primary key,
      order_id text not null,
      revision integer not null,
      event_type text not null,
      at timestamptz not null,
      actor_id text not null,
      actor_role text not null,
      summary text not null,
      data json not null,
      correlation_id text not null
    )`,
    sql`create index order_timeline_order_idx on ${t('order_timeline')} (order_id, revision)`,
  ]);
}
