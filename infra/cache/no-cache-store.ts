import type { CacheStore } from './cache-store.ts';

/**
 * A store that keeps nothing, so every read is computed from the read models. For a read API whose
 * projectors run in another process with no shared cache between them: a memory cache there would
 * never hear their invalidations and would serve old prices until its TTL.
 */
export function createNoCacheStore(): CacheStore {
  return {
    kind: 'none',
    get: async () => null,
    versions: async (tags) => tags.map(() => '0'),
    set: async () => false,
    invalidate: async () => 0,
    // Nothing is stored, so nobody could wait for another's answer: everyone computes.
    tryLock: async () => async () => undefined,
    close: async () => undefined,
  };
}
