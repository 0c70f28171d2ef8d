import type { Decider, DomainEvent } from '../../domain/decider.ts';
import type { CommandRuntime } from './command-runtime.ts';
import { loadAggregate, type Loaded } from './load-aggregate.ts';
import type { StateCache } from './state-cache.ts';

/**
 * How long a configuration stream's state, once read from the store, serves without another read.
 * Every pricing (each cart change, each order) reads the shop's shipping and tax configuration. Read
 * past the cache every time, they cost each cart write a round trip of its own, and a group of cart
 * writes one per member, one after another. This process's own changes to them reach its cache as
 * they are appended, so here a change applies at once; a change made through another process (a
 * second API process, the CLI) applies here within this long.
 */
export const RECENT_STATE_MS = 1_000;

/** Per state cache, when each stream was last read from the store (ms since the epoch). */
const readAt = new WeakMap<StateCache, Map<string, number>>();

/**
 * The stream's state as of at most `maxAgeMs` ago: the cached state when this process read the
 * stream from the store that recently (or appended to it, which caches what it appended), else the
 * cached state brought up to date from the store. For streams that change seldom and are read by
 * every command (configuration), never for a stream a command appends to: those rely on the
 * append's expected revision instead.
 */
export async function loadRecent<Event extends DomainEvent, State>(
  runtime: Pick<CommandRuntime, 'store' | 'cache' | 'upcasters'>,
  decider: Decider<unknown, Event, State>,
  stream: string,
  maxAgeMs = RECENT_STATE_MS,
  now = Date.now(),
): Promise<Loaded<State>> {
  let times = readAt.get(runtime.cache);
  if (!times) readAt.set(runtime.cache, (times = new Map<string, number>()));
  const at = times.get(stream);
  const recent = at !== undefined && now - at < maxAgeMs;
  const loaded = await loadAggregate(
    runtime.store,
    decider,
    stream,
    runtime.cache,
    recent,
    runtime.upcasters,
  );
  // The read holds the store as of when it started; loads meanwhile read too (in one statement,
  // batched-stream-reads.ts), and a failed one verified nothing.
  if (!recent) times.set(stream, Math.max(times.get(stream) ?? 0, now));
  return loaded;
}
