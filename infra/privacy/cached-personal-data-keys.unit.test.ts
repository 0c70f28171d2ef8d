import { describe, expect, it } from 'vitest';
import type { PersonalDataKeys, SubjectKey } from '../../ports/personal-data-keys.ts';
import { cachedPersonalDataKeys } from './cached-personal-data-keys.ts';

/** An in-memory key store that counts the subjects it was asked for. */
function countingStore() {
  const keys = new Map<string, SubjectKey>();
  const asked: string[][] = [];
  const store: PersonalDataKeys = {
    async get(subjects) {
      asked.push([...subjects]);
      return new Map(subjects.filter((s) => keys.has(s)).map((s) => [s, keys.get(s)!]));
    },
    async getOrCreate(subjects) {
      asked.push([...subjects]);
      for (const s of subjects) if (!keys.has(s)) keys.set(s, { subject: s, key: new Uint8Array([1]) });
      return new Map(subjects.map((s) => [s, keys.get(s)!]));
    },
    async erase(subject) {
      keys.set(subject, { subject, erased: true });
    },
  };
  return { store, asked, keys };
}

describe('cached personal data keys', () => {
  it('asks the store once per subject within the TTL, and again after it', async () => {
    let time = 0;
    const { store, asked } = countingStore();
    const keys = cachedPersonalDataKeys(store, { ttlMs: 1_000, now: () => time });
    await keys.getOrCreate(['a', 'b']);
    await keys.getOrCreate(['a']);
    await keys.get(['b']);
    expect(asked).toEqual([['a', 'b']]);
    time = 1_000;
    await keys.get(['a']);
    expect(asked).toEqual([['a', 'b'], ['a']]);
  });

  it('takes its own erasure at once, and keeps an erased subject erased', async () => {
    let time = 0;
    const { store } = countingStore();
    const keys = cachedPersonalDataKeys(store, { ttlMs: 1_000, now: () => time });
    await keys.getOrCreate(['a']);
    await keys.erase('a');
    expect((await keys.get(['a'])).get('a')).toEqual({ subject: 'a', erased: true });
    time = 1_000_000;
    expect((await keys.getOrCreate(['a'])).get('a')).toEqual({ subject: 'a', erased: true });
  });

  it('sees another process’s erasure once the TTL has passed', async () => {
    let time = 0;
    const { store, keys: table } = countingStore();
    const keys = cachedPersonalDataKeys(store, { ttlMs: 1_000, now: () => time });
    await keys.getOrCreate(['a']);
    table.set('a', { subject: 'a', erased: true });
    expect('key' in (await keys.get(['a'])).get('a')!).toBe(true);
    time = 1_000;
    expect((await keys.get(['a'])).get('a')).toEqual({ subject: 'a', erased: true });
  });

  it('does not remember a subject the store does not know', async () => {
    const { store, asked } = countingStore();
    const keys = cachedPersonalDataKeys(store);
    expect((await keys.get(['x'])).size).toBe(0);
    await keys.get(['x']);
    expect(asked).toEqual([['x'], ['x']]);
  });
});
