import type { EventFilter, EventStore, Position, RecordedEvent } from '../../ports/event-store.ts';

export interface Follower {
  stop(): Promise<void>;
}

/**
 * Applies every event matching `filter` from the start of the log, resolves once caught up (so a
 * caller can rely on what it built before serving), then keeps applying live events until stopped.
 * In-memory views built this way are rebuilt from events at every start, with no state of their own.
 */
export async function followEvents(
  store: EventStore,
  filter: EventFilter,
  apply: (event: RecordedEvent) => void,
  /** How far behind the log the live part may fall (`SubscribeOptions.lagMs`). */
  lagMs?: number,
): Promise<Follower> {
  let from: Position | 'start' = 'start';
  for (;;) {
    const batch = await store.readAll({ from, filter, maxCount: 1000 });
    for (const event of batch) {
      apply(event);
      from = event.position;
    }
    if (batch.length < 1000) break;
  }
  const live = store.subscribe({ from, filter, ...(lagMs === undefined ? {} : { lagMs }) });
  const following = (async () => {
    for await (const event of live) apply(event);
  })();
  return {
    async stop() {
      await live.stop();
      await following;
    },
  };
}
