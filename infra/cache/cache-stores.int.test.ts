import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Position } from '../../ports/position.ts';
import { serviceUrls } from '../../test-support/service-urls.ts';
import { createLogger } from '../logging/logger.ts';
import { createMetricsRegistry } from '../metrics/registry.ts';
import { createCacheMetrics } from './cache-metrics.ts';
import type { CacheStore } from './cache-store.ts';
import { createMemoryCacheStore } from './memory-cache-store.ts';
import { createReadThroughCache, type CachedAnswer } from './read-through-cache.ts';
import { createRedisCacheStore } from './redis-cache-store.ts';
import { createTieredCacheStore } from './tiered-cache-store.ts';

/** Opens a store; `sharing` opens a second client on the same data, as another process would. */
const stores: Record<string, (sharing?: CacheStore) => Promise<CacheStore>> = {
  memory: async (sharing) => sharing ?? createMemoryCacheStore(),
  // A key prefix of its own per test: parallel runs sharing the Redis never meet.
  redis: async (sharing) => {
    const prefix = sharing ? prefixes.get(sharing)! : `qm:test:${randomBytes(6).toString('hex')}:`;
    const store = createRedisCacheStore({ url: serviceUrls().redis, prefix });
    prefixes.set(store, prefix);
    return store;
  },
  tiered: async (sharing) => {
    const prefix = sharing ? prefixes.get(sharing)! : `qm:test:${randomBytes(6).toString('hex')}:`;
    const store = await createTieredCacheStore({
      shared: createRedisCacheStore({ url: serviceUrls().redis, prefix }),
    });
    prefixes.set(store, prefix);
    return store;
  },
};
const prefixes = new WeakMap<CacheStore, string>();

const at = (commit: number, prepare = 0): Position => ({ commit: BigInt(commit), prepare: BigInt(prepare) });

describe.each(Object.keys(stores))('the %s cache store', (kind) => {
  const opened: CacheStore[] = [];
  const open = async (sharing?: CacheStore) => {
    const store = await stores[kind]!(sharing);
    if (store !== sharing) opened.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  it('stores, indexes by tag and drops by tag', async () => {
    const store = await open();
    const seen = await store.versions(['product:1', 'listing']);
    expect(await store.set('detail:1', 'one', ['product:1'], seen.slice(0, 1), 60_000)).toBe(true);
    expect(await store.set('list:a', 'list', ['listing'], seen.slice(1), 60_000)).toBe(true);
    expect(await store.get('detail:1')).toBe('one');
    expect(await store.invalidate(['product:1'])).toBe(1);
    expect(await store.get('detail:1')).toBeNull();
    expect(await store.get('list:a')).toBe('list');
  });

  it('refuses to store an answer computed before one of its tags was invalidated', async () => {
    const store = await open();
    const seen = await store.versions(['product:1']);
    await store.invalidate(['product:1']);
    expect(await store.set('detail:1', 'stale', ['product:1'], seen, 60_000)).toBe(false);
    expect(await store.get('detail:1')).toBeNull();
    expect(
      await store.set('detail:1', 'fresh', ['product:1'], await store.versions(['product:1']), 60_000),
    ).toBe(true);
  });

  it('gives the lock to one holder at a time', async () => {
    const store = await open();
    const release = await store.tryLock('k', 5_000);
    expect(release).not.toBeNull();
    expect(await store.tryLock('k', 5_000)).toBeNull();
    await release!();
    expect(await store.tryLock('k', 5_000)).not.toBeNull();
  });

  function readThrough(store: CacheStore) {
    const registry = createMetricsRegistry();
    const cache = createReadThroughCache({
      store,
      metrics: createCacheMetrics(registry),
      log: createLogger('silent'),
    });
    return { cache, registry };
  }

  it('never serves an answer older than the consistency token the client passed', async () => {
    const store = await open();
    const { cache } = readThrough(store);
    let price = 1000;
    let position = at(10);
    const compute = async (): Promise<CachedAnswer> => ({
      body: JSON.stringify({ price }),
      position,
    });
    const read = (minPosition?: Position) =>
      cache.read({ key: 'detail:p', kind: 'product', tags: ['product:p'], minPosition, compute });

    expect(await read()).toMatchObject({ hit: false, body: '{"price":1000}' });
    expect(await read(at(10))).toMatchObject({ hit: true, body: '{"price":1000}' });
    // The price changes at position 11; suppose its invalidation has not reached this store yet.
    price = 900;
    position = at(11);
    expect(await read()).toMatchObject({ hit: true, body: '{"price":1000}' });
    expect(await read(at(11))).toMatchObject({ hit: false, body: '{"price":900}' });
    // The fresh answer replaced the old one.
    expect(await read()).toMatchObject({ hit: true, body: '{"price":900}' });
    expect(await read(at(11, 0))).toMatchObject({ hit: true });
    expect(await read(at(11, 1))).toMatchObject({ hit: false });
  });

  it('computes a missing answer once for concurrent readers, across two caches on one store', async () => {
    const store = await open();
    const first = readThrough(store).cache;
    // The second cache stands in for another process: same store, its own single-flight map.
    const second = readThrough(await open(store)).cache;
    let computed = 0;
    const compute = async (): Promise<CachedAnswer> => {
      computed++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { body: '"answer"', position: at(1) };
    };
    const request = { key: 'search:x', kind: 'search', tags: ['search'], compute };
    const answers = await Promise.all([
      ...Array.from({ length: 10 }, () => first.read(request)),
      ...Array.from({ length: 10 }, () => second.read(request)),
    ]);
    expect(answers.every((answer) => answer.body === '"answer"')).toBe(true);
    expect(computed).toBe(1);
  });

  it('drops answers when their tags are invalidated and counts hits and misses', async () => {
    const store = await open();
    const { cache, registry } = readThrough(store);
    let version = 1;
    const request = {
      key: 'list:all',
      kind: 'listing',
      tags: ['listing'],
      compute: async () => ({ body: String(version), position: at(version) }),
    };
    expect((await cache.read(request)).body).toBe('1');
    expect((await cache.read(request)).hit).toBe(true);
    version = 2;
    expect(await cache.invalidate(['listing', 'product:9'])).toBe(1);
    expect(await cache.read(request)).toMatchObject({ hit: false, body: '2' });
    const metrics = await registry.getMetricsAsJSON();
    const value = (name: string) => metrics.find((m) => m.name === name)?.values[0]?.value;
    expect(value('qm_read_cache_hits_total')).toBe(1);
    expect(value('qm_read_cache_misses_total')).toBe(2);
    expect(value('qm_read_cache_hit_ratio')).toBeCloseTo(1 / 3);
  });

  it('drops an entry everywhere when one process invalidates its tag', async () => {
    const here = await open();
    const there = await open(here);
    const seen = await here.versions(['product:1']);
    await here.set('detail:1', 'old', ['product:1'], seen, 60_000);
    expect(await there.get('detail:1', ['product:1'])).toBe('old');
    await here.invalidate(['product:1']);
    // Pub/sub reaches the other process's local tier shortly after; polled for half its 1 s local TTL.
    for (let i = 0; i < 50 && (await there.get('detail:1', ['product:1'])) !== null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await there.get('detail:1', ['product:1'])).toBeNull();
  });
});
