import { describe, expect, it } from 'vitest';
import { openCacheStore } from './read-side.ts';

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
