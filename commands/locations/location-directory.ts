import type { EventStore, Position } from '../ports/event-store.ts';

/**
 * The locations that exist, for allocation. Kept in memory and followed live from the event store
 * (locations are few and rarely change), so placing an order never scans for them. Rebuilt from
 * events at every start.
 */
export interface LocationDirectory {
  list(): string[];
  /** Records a location this process just created, before its event comes round the subscription. */
  add(locationId: string): void;
  /** Catches up with the event store, then keeps following it until `stop`. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createLocationDirectory(store: EventStore): LocationDirectory {
  const locations = new Set<string>();
  const filter = { categories: ['location'], eventTypes: ['LocationCreated'] };
  let from: Position | 'start' = 'start';
  let subscription: ReturnType<EventStore['subscribe']> | undefined;
  let following: Promise<void> | undefined;

  const apply = (data: Record<string, unknown>) => {
    if (typeof data.locationId === 'string') locations.add(data.locationId);
  };

  return {
    list: () => [...locations].sort(),
    add: (locationId) => void locations.add(locationId),
    async start() {
      for (;;) {
        const batch = await store.readAll({ from, filter, maxCount: 1000 });
        for (const event of batch) {
          apply(event.data);
          from = event.position;
        }
        if (batch.length < 1000) break;
      }
      subscription = store.subscribe({ from, filter });
      const live = subscription;
      following = (async () => {
        for await (const event of live) apply(event.data);
      })();
    },
    async stop() {
      await subscription?.stop();
      await following;
    },
  };
}
