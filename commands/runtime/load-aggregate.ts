import type { Decider, DomainEvent } from '../../domain/decider.ts';
import type { EventStore } from '../../ports/event-store.ts';
import type { StateCache } from './state-cache.ts';
import { noUpcasters, type UpcasterRegistry } from './upcasters.ts';

export interface Loaded<State> {
  state: State;
  /** Revision of the last event folded in, `null` for a stream with no events. */
  revision: number | null;
}

/** Page size when folding a stream: long streams are read in pages, never all at once. */
const PAGE = 1000;

/**
 * The stream's state: from the cache when `trustCache` (the append's expected revision catches a
 * stale one), else the cached state plus only the events after its revision.
 */
export async function loadAggregate<Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<unknown, Event, State>,
  stream: string,
  cache: StateCache,
  trustCache: boolean,
  /** Old event versions are folded in their current shape (see upcasters.ts). */
  upcasters: UpcasterRegistry = noUpcasters,
): Promise<Loaded<State>> {
  const cached = cache.get<State>(stream);
  if (cached && trustCache) return cached;
  let state = cached?.state ?? decider.initialState();
  let revision: number | null = cached?.revision ?? null;
  for (;;) {
    const page = await store.readStream(stream, {
      fromRevision: revision === null ? 0 : revision + 1,
      maxCount: PAGE,
    });
    for (const stored of page) {
      const event = upcasters.upcast(stored);
      state = decider.evolve(state, { type: event.type, data: event.data } as Event);
      revision = event.revision;
    }
    if (page.length < PAGE) break;
  }
  if (revision !== null) cache.set(stream, { state, revision });
  return { state, revision };
}
