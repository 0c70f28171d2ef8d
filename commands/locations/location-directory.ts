import type { EventStore } from '../../ports/event-store.ts';
import { followEvents, type Follower } from '../runtime/follow-events.ts';

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
  let follower: Follower | undefined;
  return {
    list: () => [...locations].sort(),
    add: (locationId) => void locations.add(locationId),
    async start() {
      follower = await followEvents(
        store,
        { categories: ['location'], eventTypes: ['LocationCreated'] },
        (event) => {
          if (typeof event.data.locationId === 'string') locations.add(event.data.locationId);
        },
      );
    },
    stop: async () => follower?.stop(),
  };
}
