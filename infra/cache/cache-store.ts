/**
 * Where cached read answers live: Redis when `REDIS_URL` is set, else this process's memory. Both
 * keep a tag → keys index so that the events a projector applies drop exactly the answers they
 * changed, and a version per tag so that an answer computed before an invalidation is never stored
 * after it (the race between a slow reader and a fast projector).
 *
 * Values are opaque strings; `createReadThroughCache` gives them meaning.
 */
export interface CacheStore {
  /** `none`: stores nothing (see `createNoCacheStore`). */
  readonly kind: 'memory' | 'redis' | 'none';
  /**
   * The stored value, or null when absent or expired. `tags` (what the entry would be indexed by)
   * lets a tiered store keep what it fetched from its shared tier in its local one.
   */
  get(key: string, tags?: readonly string[]): Promise<string | null>;
  /**
   * The current version of each tag (same order). Read them before computing an answer and pass
   * them to `set`: if any tag was invalidated meanwhile, `set` refuses to store.
   */
  versions(tags: readonly string[]): Promise<string[]>;
  /**
   * Stores `value` under `key`, indexed by `tags`, for at most `ttlMs` (a safety net: invalidation
   * is what keeps answers fresh). Returns false, storing nothing, when a tag's version moved since
   * `seen` was read.
   */
  set(
    key: string,
    value: string,
    tags: readonly string[],
    seen: readonly string[],
    ttlMs: number,
  ): Promise<boolean>;
  /** Drops every key indexed by any of `tags` and bumps their versions; returns how many keys went. */
  invalidate(tags: readonly string[]): Promise<number>;
  /**
   * A short lock so that, across processes, one computes a missing answer while the others wait
   * for it (stampede protection). Returns a release function, or null when someone else holds it.
   */
  tryLock(key: string, ttlMs: number): Promise<(() => Promise<void>) | null>;
  close(): Promise<void>;
}
