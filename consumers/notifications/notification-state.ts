import type { JsonObject } from '../../ports/event-store.ts';
import type { StockState } from '../../domain/inventory/index.ts';
import type { OrderPlaced } from '../../domain/orders/index.ts';
import type { SqlExecutor } from '../../infra/sql/sql-client.ts';

/** Records the event as handled; false when it already was (a redelivery, or a replay after a restart). */
export async function markHandled(tx: SqlExecutor, event: { id: string; type: string }): Promise<boolean> {
  const rows = await tx.query(
    `insert into qm_notification_handled (event_id, event_type) values ($1, $2)
     on conflict (event_id) do nothing returning event_id`,
    [event.id, event.type],
  );
  return rows.length > 0;
}

export interface OrderContact {
  email: string | null;
  placed: OrderPlaced['data'];
}

export async function saveOrderContact(
  tx: SqlExecutor,
  placed: OrderPlaced['data'],
  email: string | null,
): Promise<void> {
  await tx.query(
    `insert into qm_notification_orders (order_id, customer_id, email, placed) values ($1, $2, $3, $4)
     on conflict (order_id) do nothing`,
    [placed.orderId, placed.customerId, email, JSON.stringify(placed)],
  );
}

export async function loadOrderContact(tx: SqlExecutor, orderId: string): Promise<OrderContact | null> {
  const [row] = await tx.query<{ email: string | null; placed: OrderPlaced['data'] | string }>(
    'select email, placed from qm_notification_orders where order_id = $1',
    [orderId],
  );
  if (!row) return null;
  const placed =
    typeof row.placed === 'string' ? (JSON.parse(row.placed) as OrderPlaced['data']) : row.placed;
  return { email: row.email, placed };
}

/** The stock state of one SKU and location as this consumer has folded it, locked for the transaction. */
export async function loadStock(tx: SqlExecutor, sku: string, location: string): Promise<StockState> {
  const [row] = await tx.query<{ state: StockState | string }>(
    'select state from qm_notification_stock where sku = $1 and location = $2 for update',
    [sku, location],
  );
  if (!row) return { status: 'untracked' };
  return typeof row.state === 'string' ? (JSON.parse(row.state) as StockState) : row.state;
}

export async function saveStock(
  tx: SqlExecutor,
  sku: string,
  location: string,
  state: StockState,
): Promise<void> {
  await tx.query(
    `insert into qm_notification_stock (sku, location, state) values ($1, $2, $3)
     on conflict (sku, location) do update set state = excluded.state`,
    [sku, location, JSON.stringify(state as unknown as JsonObject)],
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
