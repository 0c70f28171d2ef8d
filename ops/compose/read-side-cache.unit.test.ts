import { describe, expect, it } from 'vitest';
import { createLogger } from '../../infra/logging/logger.ts';
import { cacheTags, isCachedTag } from '../../projections/cache-tags.ts';
import { invalidateOnApply, openCacheStore } from './read-side.ts';

describe('the read cache a process opens without Redis', () => {
  it('is this process memory when the projectors run here (their invalidations reach it)', async () => {
    const store = await openCacheStore({ REDIS_URL: undefined }, { projectorsHere: true });
    expect(store.kind).toBe('memory');
    await store.close();
  });

  it('is no cache at all, with a warning saying what to do, when the projectors run elsewhere', async () => {
    const warnings: string[] = [];
    const store = await openCacheStore(
      { REDIS_URL: undefined },
      { projectorsHere: false, log: { warn: (message: string) => void warnings.push(message) } },
    );
    expect(store.kind).toBe('none');
    // Nothing it is given is served back: every read is computed from the read models.
    const seen = await store.versions(['product:p1']);
    expect(await store.set('product:p1', 'old price', ['product:p1'], seen, 60_000)).toBe(false);
    expect(await store.get('product:p1')).toBeNull();
    expect(warnings).toEqual([expect.stringContaining('set REDIS_URL')]);
    await store.close();
  });
});

describe('what a committed batch invalidates', () => {
  it('only tags the read API caches under: a batch of carts, orders or audit rows costs no call', async () => {
    const calls: string[][] = [];
    const onApplied = invalidateOnApply(
      { invalidate: (tags) => Promise.resolve(calls.push([...tags])) },
      createLogger('silent'),
    );
    const at = { commit: 1n, prepare: 1n };
    await onApplied({ invalidate: ['carts', cacheTags.order('o-1'), cacheTags.audit] }, at, 'carts');
    expect(calls).toEqual([]);
    await onApplied(
      { invalidate: [cacheTags.stock('S1'), cacheTags.product('p1'), cacheTags.listing, cacheTags.search] },
      at,
      'catalog',
    );
    expect(calls).toEqual([['product:p1', 'listing', 'search']]);
  });

  it('knows a tag by its family, so a product id with a colon in it is still a product', () => {
    expect(isCachedTag(cacheTags.product('a:b'))).toBe(true);
    expect(isCachedTag('products')).toBe(false);
    expect(isCachedTag(cacheTags.customerOrders('c-1'))).toBe(false);
    expect(isCachedTag(cacheTags.lowStock)).toBe(false);
  });
});
