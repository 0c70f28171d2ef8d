import type { EventStore, NewEvent, Position } from '../../ports/event-store.ts';
import { newEventId } from '../../infra/event-store/new-event-id.ts';

/** A payload the size of a typical StockReserved event. */
const payload = {
  sku: 'SKU-000123',
  location: 'berlin',
  orderId: '0192f0a4-0000-7000-8000-000000000000',
  quantity: 2,
};
const metadata = {
  actor: { id: 'bench', role: 'system' as const },
  correlationId: '0192f0a4-0000-7000-8000-000000000001',
  causationId: null,
  occurredAt: '2026-11-21T10:00:00.000Z',
  schemaVersion: 1,
};

/** The metadata of a benchmark's own events (a system actor), stamped now. */
export const benchMetadata = () => ({ ...metadata, occurredAt: new Date().toISOString() });

/** `count` new StockReserved-sized events, each with a fresh id: what the store benchmarks append. */
export const benchEvents = (count: number): NewEvent[] =>
  Array.from({ length: count }, () => ({ id: newEventId(), type: 'StockReserved', data: payload, metadata }));

/** Reads the whole log from the start in pages of 5,000: how many events, and how many a second. */
export async function readAllRate(store: EventStore): Promise<{ events: number; perSecond: number }> {
  const started = performance.now();
  let events = 0;
  let from: Position | 'start' = 'start';
  for (;;) {
    const batch = await store.readAll({ from, maxCount: 5000 });
    if (batch.length === 0) break;
    events += batch.length;
    from = batch.at(-1)!.position;
  }
  return { events, perSecond: events / ((performance.now() - started) / 1000) };
}
