import { describe, expect, it } from 'vitest';
import { createStateCache } from './state-cache.ts';

describe('createStateCache', () => {
  it('keeps a newer entry when an older one arrives after it', () => {
    // A read of the store that began before an append finishes after the append cached its state.
    const cache = createStateCache();
    cache.set('stock-A@berlin', { state: 'after the placement', revision: 7 });
    cache.set('stock-A@berlin', { state: 'read before the placement', revision: 6 });
    expect(cache.get('stock-A@berlin')).toEqual({ state: 'after the placement', revision: 7 });
  });

  it('takes a newer or equal entry', () => {
    const cache = createStateCache();
    cache.set('s', { state: 'a', revision: 1 });
    cache.set('s', { state: 'b', revision: 2 });
    cache.set('s', { state: 'c', revision: 2 });
    expect(cache.get('s')).toEqual({ state: 'c', revision: 2 });
  });

  it('forgets the least recently used entry beyond its bound, and a deleted one', () => {
    const cache = createStateCache(2);
    cache.set('a', { state: 1, revision: 0 });
    cache.set('b', { state: 2, revision: 0 });
    cache.get('a');
    cache.set('c', { state: 3, revision: 0 });
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([
      { state: 1, revision: 0 },
      undefined,
      { state: 3, revision: 0 },
    ]);
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
  });
});
