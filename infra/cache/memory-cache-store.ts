import type { CacheStore } from './cache-store.ts';

interface Entry {
  value: string;
  tags: readonly string[];
  expiresAt: number;
}

export interface MemoryCacheStoreOptions {
  /** At most this many entries; the least recently stored goes first. Default 10,000. */
  maxEntries?: number;
  /** The store's clock, in ms. */
  now?: () => number;
}

/**
 * The embedded mode's cache: one process, so the tag index, the versions and the locks are plain
 * maps. Same contract as the Redis store, held to it by the same tests.
 */
export function createMemoryCacheStore(options: MemoryCacheStoreOptions = {}): CacheStore {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const tagKeys = new Map<string, Set<string>>();
  const tagVersions = new Map<string, number>();
  const locks = new Map<string, { token: object; expiresAt: number }>();

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return false;
    entries.delete(key);
    for (const tag of entry.tags) tagKeys.get(tag)?.delete(key);
    return true;
  };

  return {
    kind: 'memory',
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expiresAt <= now()) {
        drop(key);
        return null;
      }
      return entry.value;
    },
    async versions(tags) {
      return tags.map((tag) => String(tagVersions.get(tag) ?? 0));
    },
    async set(key, value, tags, seen, ttlMs) {
      if (tags.some((tag, i) => String(tagVersions.get(tag) ?? 0) !== seen[i])) return false;
      drop(key);
      entries.set(key, { value, tags: [...tags], expiresAt: now() + ttlMs });
      for (const tag of tags) {
        let keys = tagKeys.get(tag);
        if (!keys) tagKeys.set(tag, (keys = new Set()));
        keys.add(key);
      }
      // Maps iterate in insertion order: the first key is the one stored longest ago.
      while (entries.size > maxEntries) drop(entries.keys().next().value!);
      return true;
    },
    async invalidate(tags) {
      let dropped = 0;
      for (const tag of tags) {
        tagVersions.set(tag, (tagVersions.get(tag) ?? 0) + 1);
        const keys = tagKeys.get(tag);
        if (!keys) continue;
        tagKeys.delete(tag);
        for (const key of keys) if (drop(key)) dropped++;
      }
      return dropped;
    },
    async tryLock(key, ttlMs) {
      const held = locks.get(key);
      if (held && held.expiresAt > now()) return null;
      const token = {};
      locks.set(key, { token, expiresAt: now() + ttlMs });
      return async () => {
        if (locks.get(key)?.token === token) locks.delete(key);
      };
    },
    async close() {
      entries.clear();
      tagKeys.clear();
      locks.clear();
    },
  };
}
