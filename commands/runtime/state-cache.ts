import type { WrongExpectedRevision } from '../../ports/event-store-errors.ts';

/**
 * The last state this process decided on, per stream, with the revision it reflects. Hot streams
 * (a popular SKU takes thousands of reservations a day) are then never folded from the start on
 * every command: a command decides on the cached state and appends at its revision; if another
 * writer got there first the append conflicts and only the newer events are read.
 * Bounded (least recently used goes first), so memory stays flat however many streams exist.
 */
export interface StateCache {
  get<State>(stream: string): { state: State; revision: number } | undefined;
  /**
   * Keeps the newer of the cached entry and this one. A read of the store that started before an
   * append may finish after that append cached its state: its older entry must not replace the
   * newer one, or the next command trusting the cache decides on a state the store has left behind.
   */
  set<State>(stream: string, entry: { state: State; revision: number }): void;
  delete(stream: string): void;
}

export function createStateCache(maxEntries = 10_000): StateCache {
  const entries = new Map<string, { state: unknown; revision: number }>();
  return {
    get<State>(stream: string) {
      const entry = entries.get(stream);
      if (!entry) return undefined;
      entries.delete(stream); // re-insert: Map order is the recency order
      entries.set(stream, entry);
      return entry as { state: State; revision: number };
    },
    set(stream, entry) {
      const cached = entries.get(stream);
      entries.delete(stream);
      entries.set(stream, cached && cached.revision > entry.revision ? cached : entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    delete(stream) {
      entries.delete(stream);
    },
  };
}

/**
 * What a lost race tells the cache: the stream has moved on past the cached state, which still
 * holds at its revision, so the retry reads only the newer events. (Dropping it made every lost
 * race on a hot stock stream fold its thousands of events from the first, each retry slower than
 * the last.) A cached revision beyond the store's (a store reset beneath this process) is dropped.
 */
export function afterLostRace(cache: StateCache, error: WrongExpectedRevision): void {
  const cached = cache.get(error.stream);
  if (cached && cached.revision > (error.actual ?? -1)) cache.delete(error.stream);
}

/** A cache that keeps nothing: every load folds the stream (for tests and one-off tools). */
export const noStateCache: StateCache = {
  get: () => undefined,
  set: () => undefined,
  delete: () => undefined,
};
