/**
 * The orders read model's backordered units (`order_backorders`): which units of each order wait
 * for stock, folded from the stock streams' backorder events. They carry the order id, the SKU and
 * the location; an order has one line per SKU, so the order's detail shows them on its lines.
 */
import type { Kysely } from 'kysely';
import type {
  BackorderCancelled,
  BackorderFilled,
  BackorderRecorded,
} from '../../domain/inventory/events.ts';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { cacheTags, tagSet } from '../cache-tags.ts';
import type { OrdersDatabase } from './tables.ts';

type BackorderEvent = BackorderRecorded | BackorderFilled | BackorderCancelled;

export const backorderEventTypes: BackorderEvent['type'][] = [
  'BackorderRecorded',
  'BackorderFilled',
  'BackorderCancelled',
];

/** Units still backordered, by `backorderKey`. */
export type BackorderModels = Map<string, number>;

export type BackorderRowModel = { orderId: string; sku: string; location: string; backordered: number };

function isBackorderEvent(event: RecordedEvent): event is RecordedEvent & BackorderEvent {
  return (backorderEventTypes as string[]).includes(event.type);
}

const backorderKey = (orderId: string, sku: string, location: string) =>
  JSON.stringify([orderId, sku, location]);

/** Reads into `models` the rows of the orders `events` backorder that it does not hold yet. */
export async function loadBackorders(
  db: Kysely<OrdersDatabase>,
  events: readonly RecordedEvent[],
  models: BackorderModels,
): Promise<void> {
  const missing = new Set<string>();
  for (const event of events) {
    if (!isBackorderEvent(event)) continue;
    const { orderId, sku, location } = event.data;
    if (!models.has(backorderKey(orderId, sku, location))) missing.add(orderId);
  }
  if (missing.size === 0) return;
  const rows = await db
    .selectFrom('order_backorders')
    .selectAll()
    .where('order_id', 'in', [...missing])
    .execute();
  for (const row of rows) {
    const key = backorderKey(row.order_id, row.sku, row.location);
    if (!models.has(key)) models.set(key, row.backordered);
  }
}

/** Folds the batch's backorder events into `models`: each touched row once, as it stands at the end. */
export function foldBackorders(
  models: BackorderModels,
  events: readonly RecordedEvent[],
): { rows: BackorderRowModel[]; tags: string[] } {
  const touched = new Map<string, Omit<BackorderRowModel, 'backordered'>>();
  const tags = tagSet();
  for (const event of events) {
    if (!isBackorderEvent(event)) continue;
    const { orderId, sku, location, quantity } = event.data;
    const key = backorderKey(orderId, sku, location);
    const sign = event.type === 'BackorderRecorded' ? 1 : -1;
    // Never below zero, as the stock stream's own hold (evolve ignores what an order does not hold).
    models.set(key, Math.max(0, (models.get(key) ?? 0) + sign * quantity));
    touched.set(key, { orderId, sku, location });
    tags.add(cacheTags.order(orderId));
  }
  return {
    rows: [...touched].map(([key, row]) => ({ ...row, backordered: models.get(key)! })),
    tags: tags.list(),
  };
}
