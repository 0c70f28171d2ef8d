import type { JsonObject } from '../../ports/event-store.ts';
import { countsOf, type StockCounts } from '../../domain/inventory/index.ts';
import type { OrderPlaced } from '../../domain/orders/index.ts';
import type { SqlExecutor } from '../../infra/sql/sql-client.ts';

/** Records the event as handled; false when it already was (a redelivery, or a replay after a restart). */
export async function markHandled(tx: SqlExecutor, event: { id: string; type: string }): Promise<boolean> {
  return (await markAllHandled(tx, [event])).has(event.id);
}

/** Records the events as handled in one statement; returns the ids that were not handled before. */
export async function markAllHandled(
  tx: SqlExecutor,
  events: readonly { id: string; type: string }[],
): Promise<Set<string>> {
  const rows = await tx.query<{ event_id: string }>(
    `insert into qm_notification_handled (event_id, event_type)
     select * from unnest($1::text[], $2::text[])
     on conflict (event_id) do nothing returning event_id`,
    [events.map((event) => event.id), events.map((event) => event.type)],
  );
  return new Set(rows.map((row) => row.event_id));
}

export interface OrderContact {
  email: string | null;
  placed: OrderPlaced['data'];
}

/** Stores the contacts of placed orders; an order already stored keeps its contact. */
export async function saveOrderContacts(
  tx: SqlExecutor,
  contacts: readonly { placed: OrderPlaced['data']; email: string | null }[],
): Promise<void> {
  if (contacts.length === 0) return;
  await tx.query(
    `insert into qm_notification_orders (order_id, customer_id, email, placed)
     select o, c, e, p::jsonb from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as t(o, c, e, p)
     on conflict (order_id) do nothing`,
    [
      contacts.map((contact) => contact.placed.orderId),
      contacts.map((contact) => contact.placed.customerId),
      contacts.map((contact) => contact.email),
      contacts.map((contact) => JSON.stringify(contact.placed)),
    ],
  );
}

/** The stored contacts of these orders, by order id (absent: not stored). */
export async function loadOrderContacts(
  tx: SqlExecutor,
  orderIds: readonly string[],
): Promise<Map<string, OrderContact>> {
  const contacts = new Map<string, OrderContact>();
  if (orderIds.length === 0) return contacts;
  const rows = await tx.query<{
    order_id: string;
    email: string | null;
    placed: OrderPlaced['data'] | string;
  }>('select order_id, email, placed from qm_notification_orders where order_id = any($1::text[])', [
    orderIds,
  ]);
  for (const row of rows) {
    const placed =
      typeof row.placed === 'string' ? (JSON.parse(row.placed) as OrderPlaced['data']) : row.placed;
    contacts.set(row.order_id, { email: row.email, placed });
  }
  return contacts;
}

/** `sku`/`location` as one map key. */
export const stockKey = (sku: string, location: string) => JSON.stringify([sku, location]);

/**
 * The stock counts of these SKUs and locations as this consumer has folded them, locked for the
 * transaction (in key order, so two transactions never wait on each other crosswise), by
 * `stockKey`; absent ones are untracked. A row stored before the consumer kept counts holds the
 * full fold, whose counts are read from it (`countsOf`); the next save stores counts only.
 */
export async function loadStocks(
  tx: SqlExecutor,
  keys: readonly { sku: string; location: string }[],
): Promise<Map<string, StockCounts>> {
  const states = new Map<string, StockCounts>();
  if (keys.length === 0) return states;
  const rows = await tx.query<{ sku: string; location: string; state: StockCounts | string }>(
    `select sku, location, state from qm_notification_stock
     where (sku, location) in (select * from unnest($1::text[], $2::text[]))
     order by sku, location for update`,
    [keys.map((key) => key.sku), keys.map((key) => key.location)],
  );
  for (const row of rows) {
    const state = typeof row.state === 'string' ? (JSON.parse(row.state) as StockCounts) : row.state;
    states.set(stockKey(row.sku, row.location), countsOf(state));
  }
  return states;
}

/** Stores stock counts, one per SKU and location, in one statement. */
export async function saveStocks(
  tx: SqlExecutor,
  states: readonly { sku: string; location: string; state: StockCounts }[],
): Promise<void> {
  if (states.length === 0) return;
  await tx.query(
    `insert into qm_notification_stock (sku, location, state)
     select s, l, st::jsonb from unnest($1::text[], $2::text[], $3::text[]) as t(s, l, st)
     on conflict (sku, location) do update set state = excluded.state`,
    [
      states.map((entry) => entry.sku),
      states.map((entry) => entry.location),
      states.map((entry) => JSON.stringify(entry.state as unknown as JsonObject)),
    ],
  );
}

/** An event the consumer gave up on (after its last delivery): kept whole for admins, never lost. */
export async function parkEvent(
  sql: SqlExecutor,
  event: { id: string; type: string; stream: string },
  error: unknown,
): Promise<void> {
  await sql.query(
    `insert into qm_notification_parked_events (event_id, event_type, stream, error, event) values ($1, $2, $3, $4, $5)
     on conflict (event_id) do update set error = excluded.error, parked_at = now()`,
    [
      event.id,
      event.type,
      event.stream,
      error instanceof Error ? error.message : String(error),
      JSON.stringify(event, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)),
    ],
  );
}
