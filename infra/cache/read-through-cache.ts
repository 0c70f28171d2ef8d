import {
  comparePositions,
  parsePositionToken,
  positionToToken,
  type Position,
} from '../../ports/position.ts';
import type { Logger } from '../logging/logger.ts';
import type { CacheMetrics } from './cache-metrics.ts';
import type { CacheStore } from './cache-store.ts';

/** A computed answer and the projector position its data had at least reached when it was read. */
export interface CachedAnswer {
  /** The serialized answer (JSON), served as is on a hit. */
  body: string;
  /** Null when the projector had not started: older than any token. */
  position: Position | null;
}

export interface CacheRead extends CachedAnswer {
  hit: boolean;
}

export interface ReadThroughRequest {
  key: string;
  /** For the hit/miss metrics: `product`, `listing`, `search`... */
  kind: string;
  /** What invalidates it: the tags the projection reports when it changes these rows. */
  tags: readonly string[];
  /** The client's consistency token: an entry computed before it is never served. */
  minPosition?: Position | undefined;
  /** Reads the projector position first, then the data (so the stamp never claims too much). */
  compute: () => Promise<CachedAnswer>;
}

export interface ReadThroughCache {
  read(request: ReadThroughRequest): Promise<CacheRead>;
  /** Drops every answer indexed by these tags; call once the projector's batch has committed. */
  invalidate(tags: readonly string[]): Promise<number>;
  readonly store: CacheStore;
}

export interface ReadThroughCacheOptions {
  store: CacheStore;
  metrics: CacheMetrics;
  log: Pick<Logger, 'warn'>;
  /** Safety net only: events invalidate entries. Default 5 minutes. */
  ttlMs?: number;
  /** How long one process may hold the compute lock of a key. Default 2 s. */
  lockMs?: number;
  /** How often a process that lost the lock looks for the winner's entry. Default 10 ms. */
  pollMs?: number;
}

const NO_POSITION = '-';
/** Keys whose last decoded entry is kept (then all are forgotten at once: listings can be many). */
const MAX_DECODED = 10_000;

function encode(answer: CachedAnswer): string {
  return `${answer.position ? positionToToken(answer.position) : NO_POSITION}\n${answer.body}`;
}

function decode(raw: string): CachedAnswer | null {
  const newline = raw.indexOf('\n');
  if (newline < 0) return null;
  const token = raw.slice(0, newline);
  const position = token === NO_POSITION ? null : parsePositionToken(token);
  if (token !== NO_POSITION && !position) return null;
  return { position, body: raw.slice(newline + 1) };
}

/** Fresh enough for a client that has seen `min`: computed at or after it. */
function satisfies(answer: CachedAnswer, min: Position | undefined): boolean {
  if (!min) return true;
  return answer.position !== null && comparePositions(answer.position, min) >= 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Read-through caching of read API answers over a `CacheStore`:
 *
 * - every entry carries the projector position its data was read at; a client with a newer
 *   consistency token bypasses it and gets (and stores) a fresh answer, so the cache never serves
 *   a price older than the token;
 * - a miss is computed once per process (single-flight) and, across processes, by whoever takes
 *   the store's short lock while the others poll for its entry (stampede protection);
 * - an answer computed while one of its tags was invalidated is not stored (tag versions);
 * - a store that fails (Redis down) degrades to computing every answer, logged, never an error.
 */
export function createReadThroughCache(options: ReadThroughCacheOptions): ReadThroughCache {
  const { store, metrics, log } = options;
  const ttlMs = options.ttlMs ?? 300_000;
  const lockMs = options.lockMs ?? 2_000;
  const pollMs = options.pollMs ?? 10;
  const flights = new Map<string, Promise<CachedAnswer>>();
  // The last entry decoded per key: a hit served from the in-process tier returns the same string
  // each time, and decoding it (the position token, the body) was a few per cent of a hit's cost.
  const lastDecoded = new Map<string, { raw: string; answer: CachedAnswer | null }>();
  const decoded = (key: string, raw: string): CachedAnswer | null => {
    const last = lastDecoded.get(key);
    if (last?.raw === raw) return last.answer;
    if (lastDecoded.size >= MAX_DECODED) lastDecoded.clear();
    const answer = decode(raw);
    lastDecoded.set(key, { raw, answer });
    return answer;
  };

  const storeFailed = (error: unknown, operation: string) => {
    log.warn({ err: error, operation, store: store.kind }, 'read cache unavailable; computing answers');
  };

  const cachedEntry = async (key: string, tags: readonly string[]): Promise<CachedAnswer | null> => {
    try {
      const raw = await store.get(key, tags);
      return raw === null ? null : decoded(key, raw);
    } catch (error) {
      storeFailed(error, 'get');
      return null;
    }
  };

  /** The lock holder's entry, if it appears (fresh enough) before the lock would have expired. */
  const awaitOtherProcess = async (request: ReadThroughRequest): Promise<CachedAnswer | null> => {
    const deadline = Date.now() + lockMs;
    while (Date.now() < deadline) {
      await sleep(pollMs);
      const entry = await cachedEntry(request.key, request.tags);
      if (entry && satisfies(entry, request.minPosition)) return entry;
    }
    return null;
  };

  const computeAndStore = async (request: ReadThroughRequest): Promise<CachedAnswer> => {
    let seen: string[] | null = null;
    let release: (() => Promise<void>) | null = null;
    try {
      seen = await store.versions(request.tags);
      release = await store.tryLock(request.key, lockMs);
      // Whoever held the lock before may have stored the answer just before we took it.
      const theirs = release
        ? await cachedEntry(request.key, request.tags)
        : await awaitOtherProcess(request);
      if (theirs && satisfies(theirs, request.minPosition)) {
        await release?.();
        release = null;
        return theirs;
      }
    } catch (error) {
      storeFailed(error, 'lock');
    }
    try {
      const answer = await request.compute();
      if (seen) {
        await store.set(request.key, encode(answer), request.tags, seen, ttlMs).catch((error: unknown) => {
          storeFailed(error, 'set');
        });
      }
      return answer;
    } finally {
      if (release) await release().catch((error: unknown) => storeFailed(error, 'unlock'));
    }
  };

  return {
    store,
    async read(request) {
      const entry = await cachedEntry(request.key, request.tags);
      if (entry && satisfies(entry, request.minPosition)) {
        metrics.hit(request.kind);
        return { ...entry, hit: true };
      }
      metrics.miss(request.kind);
      const inFlight = flights.get(request.key);
      if (inFlight) {
        const joined = await inFlight;
        // A flight started before the caller's token may have read older data: then read again.
        if (satisfies(joined, request.minPosition)) return { ...joined, hit: false };
      }
      const flight = computeAndStore(request);
      flights.set(request.key, flight);
      try {
        return { ...(await flight), hit: false };
      } finally {
        if (flights.get(request.key) === flight) flights.delete(request.key);
      }
    },
    async invalidate(tags) {
      if (tags.length === 0) return 0;
      const dropped = await store.invalidate([...new Set(tags)]);
      metrics.invalidated(dropped);
      return dropped;
    },
  };
}
