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
 * The revision the state cache records for a stream found to have no events. A trusted load of a
 * stream that does not exist then asks the store once, not on every command: a shopper without a
 * customer stream (a token's subject with no account) had it read by every pricing of their cart
 * and every order. A stale absence is caught like a stale state: an append expecting no stream
 * conflicts, and a refusal decided on the cache (a product not found) is decided again on the
 * store (`refused-on-cache.ts`).
 */
const ABSENT = -1;

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
  const cachedRevision = cached && cached.revision !== ABSENT ? cached.revision : null;
  if (cached && trustCache) return { state: cached.state, revision: cachedRevision };
  let state = cached?.state ?? decider.initialState();
  let revision = cachedRevision;
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
  cache.set(stream, { state, revision: revision ?? ABSENT });
  return { state, revision };
}
