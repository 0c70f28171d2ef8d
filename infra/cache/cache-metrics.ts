import { Counter, Gauge, type Registry } from 'prom-client';

/** Hit and miss counts per kind of answer, and the hit ratio over both, on the process's registry. */
export interface CacheMetrics {
  hit(kind: string): void;
  miss(kind: string): void;
  invalidated(keys: number): void;
}

/**
 * `qm_read_cache_hits_total` / `qm_read_cache_misses_total` (label `kind`: product, listing,
 * search...), `qm_read_cache_hit_ratio` (hits / lookups since start, all kinds) and
 * `qm_read_cache_invalidated_keys_total`.
 */
export function createCacheMetrics(registry: Registry): CacheMetrics {
  const hits = new Counter({
    name: 'qm_read_cache_hits_total',
    help: 'Read API answers served from the cache',
    labelNames: ['kind'],
    registers: [registry],
  });
  const misses = new Counter({
    name: 'qm_read_cache_misses_total',
    help: 'Read API answers computed because the cache had none fresh enough',
    labelNames: ['kind'],
    registers: [registry],
  });
  const invalidatedKeys = new Counter({
    name: 'qm_read_cache_invalidated_keys_total',
    help: 'Cache entries dropped because the events a projector applied changed them',
    registers: [registry],
  });
  // Kept as plain numbers too, so the gauge is computed at scrape time without reading counters back.
  let hitCount = 0;
  let missCount = 0;
  new Gauge({
    name: 'qm_read_cache_hit_ratio',
    help: 'Share of read API cache lookups that were hits, since the process started',
    registers: [registry],
    collect() {
      const total = hitCount + missCount;
      this.set(total === 0 ? 0 : hitCount / total);
    },
  });
  const hitChildren = new Map<string, Counter.Internal>();
  const missChildren = new Map<string, Counter.Internal>();
  const child = (counter: Counter, children: Map<string, Counter.Internal>, kind: string) => {
    let found = children.get(kind);
    if (!found) children.set(kind, (found = counter.labels(kind)));
    return found;
  };
  return {
    hit(kind) {
      hitCount++;
      child(hits, hitChildren, kind).inc();
    },
    miss(kind) {
      missCount++;
      child(misses, missChildren, kind).inc();
    },
    invalidated(keys) {
      if (keys > 0) invalidatedKeys.inc(keys);
    },
  };
}
