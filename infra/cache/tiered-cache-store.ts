import type { CacheStore } from './cache-store.ts';
import { createMemoryCacheStore } from './memory-cache-store.ts';
import type { RedisCacheStore } from './redis-cache-store.ts';

export interface TieredCacheStoreOptions {
  /** The shared tier every process reads and writes (Redis). */
  shared: RedisCacheStore;
  /**
   * How long this process keeps an entry without asking the shared tier again. Invalidations reach
   * the local tier at once in the process that invalidates and by pub/sub elsewhere; this bounds
   * what a lost pub/sub message can cost. Default 1 s.
   */
  localTtlMs?: number;
  /** Local entries at most. Default 10,000. */
  maxLocalEntries?: number;
}

/**
 * Redis behind a small in-process tier: a hit costs no network round trip, which is what keeps
 * cached reads near a bare server's speed. Correctness stays with the shared tier:
 *
 * - an invalidation drops the shared entries, publishes the tags, and drops the local entries here
 *   at once; other processes drop theirs when the message arrives (milliseconds);
 * - what the local tier stores is guarded by its own tag versions, so an entry fetched or
 *   computed before an invalidation is never kept after it;
 * - entries carry their projector position, so a client's consistency token bypasses a local
 *   entry just as it bypasses a shared one (see `createReadThroughCache`).
 *
 * Resolves once subscribed to the shared tier's invalidations.
 */
export async function createTieredCacheStore(options: TieredCacheStoreOptions): Promise<CacheStore> {
  const { shared } = options;
  const localTtlMs = options.localTtlMs ?? 1_000;
  const local = createMemoryCacheStore({ maxEntries: options.maxLocalEntries ?? 10_000 });
  const unsubscribe = await shared.onInvalidate((tags) => void local.invalidate(tags));
  return {
    kind: 'redis',
    async get(key, tags) {
      const near = await local.get(key);
      if (near !== null || tags === undefined) return near ?? (await shared.get(key));
      const seen = await local.versions(tags);
      const far = await shared.get(key);
      if (far !== null) await local.set(key, far, tags, seen, localTtlMs);
      return far;
    },
    versions: (tags) => shared.versions(tags),
    async set(key, value, tags, seen, ttlMs) {
      const localSeen = await local.versions(tags);
      const stored = await shared.set(key, value, tags, seen, ttlMs);
      if (stored) await local.set(key, value, tags, localSeen, Math.min(ttlMs, localTtlMs));
      return stored;
    },
    async invalidate(tags) {
      await local.invalidate(tags);
      const dropped = await shared.invalidate(tags);
      // Again after the shared tier: a read that fetched the shared entry meanwhile held old versions.
      await local.invalidate(tags);
      return dropped;
    },
    tryLock: (key, ttlMs) => shared.tryLock(key, ttlMs),
    async close() {
      await unsubscribe();
      await local.close();
      await shared.close();
    },
  };
}
