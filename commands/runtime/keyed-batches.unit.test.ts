import { describe, expect, it } from 'vitest';
import { createKeyedBatches, type BatchControls, type Settled } from './keyed-batches.ts';

/** A flush that records its batches and finishes only when the test says so. */
function controlledFlush() {
  const batches: string[][] = [];
  const finishers: (() => void)[] = [];
  const flush = (items: string[]) => {
    batches.push(items);
    return new Promise<Settled<string>[]>((resolve) =>
      finishers.push(() =>
        resolve(
          items.map((item) =>
            item.startsWith('bad') ? { ok: false, error: new Error(item) } : { ok: true, value: `${item}!` },
          ),
        ),
      ),
    );
  };
  const finishNext = async () => {
    finishers.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { batches, flush, finishNext };
}

describe('keyed batches (group commit)', () => {
  it('starts a free item at once, groups the ones queued behind it, answers each its own', async () => {
    const { batches, flush, finishNext } = controlledFlush();
    const groups = createKeyedBatches(flush);
    const first = groups.submit(['hot'], 'a');
    const outcome = (promise: Promise<string>) => promise.catch((error: Error) => error.message);
    const queued = [
      outcome(groups.submit(['hot', 'x'], 'b')),
      outcome(groups.submit(['hot'], 'bad-c')),
      outcome(groups.submit(['y', 'hot'], 'd')),
    ];
    expect(batches).toEqual([['a']]);
    await finishNext();
    expect(await first).toBe('a!');
    expect(batches).toEqual([['a'], ['b', 'bad-c', 'd']]);
    await finishNext();
    expect(await Promise.all(queued)).toEqual(['b!', 'bad-c', 'd!']);
  });

  it('runs disjoint keys side by side and never lets a later item overtake on a shared key', async () => {
    const { batches, flush, finishNext } = controlledFlush();
    const groups = createKeyedBatches(flush);
    const all = [
      groups.submit(['a'], 'one'),
      groups.submit(['b'], 'two'), // free: its own batch while 'one' is in flight
      groups.submit(['a', 'c'], 'three'), // waits for 'one'
      groups.submit(['c'], 'four'), // c is free, but 'three' came first and wants it
    ];
    expect(batches).toEqual([['one'], ['two']]);
    await finishNext();
    expect(batches).toEqual([['one'], ['two'], ['three', 'four']]);
    await finishNext();
    await finishNext();
    expect(await Promise.all(all)).toEqual(['one!', 'two!', 'three!', 'four!']);
  });

  it('caps a batch and fails every item of a batch whose flush throws', async () => {
    const calls: string[][] = [];
    const groups = createKeyedBatches<string, string>(
      async (items) => {
        calls.push(items);
        if (items.includes('boom')) throw new Error('flush failed');
        return items.map((value) => ({ ok: true, value }));
      },
      { maxBatch: 2 },
    );
    const results = await Promise.allSettled(
      ['p', 'q', 'boom', 'r', 's'].map((item) => groups.submit(['k'], item)),
    );
    expect(calls.every((batch) => batch.length <= 2)).toBe(true);
    expect(results.filter((r) => r.status === 'rejected').length).toBe(
      calls.find((batch) => batch.includes('boom'))!.length,
    );
  });

  it('starts the next batch on the same keys once a flush releases them, before it ends', async () => {
    const started: string[][] = [];
    const ends: (() => void)[] = [];
    const groups = createKeyedBatches<string, string>((items, { release }) => {
      started.push(items);
      if (items.includes('early')) release();
      return new Promise((resolve) => ends.push(() => resolve(items.map((value) => ({ ok: true, value })))));
    });
    const all = [
      groups.submit(['k'], 'early'),
      groups.submit(['k'], 'second'),
      groups.submit(['k'], 'third'),
    ];
    await new Promise((resolve) => setImmediate(resolve));
    // 'early' released its key while still running, so 'second' went on; 'second' holds it to its end.
    expect(started).toEqual([['early'], ['second']]);
    ends[1]!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([['early'], ['second'], ['third']]);
    ends[2]!();
    ends[0]!();
    expect(await Promise.all(all)).toEqual(['early', 'second', 'third']);
  });

  it('lets a running batch take in items queued since, fairly, and answers them after its own', async () => {
    const ends: (() => void)[] = [];
    const taken: string[][] = [];
    let controls!: BatchControls<string>;
    const groups = createKeyedBatches<string, string>((items, given) => {
      controls ??= given;
      return new Promise((resolve) =>
        ends.push(() =>
          resolve([...items, ...taken.flat()].map((value) => ({ ok: true, value: `${value}!` }))),
        ),
      );
    });
    const first = groups.submit(['hot'], 'a');
    const arrived = controls.arrival();
    const other = groups.submit(['cold'], 'other'); // its own batch: keys free
    await arrived;
    const queued = [
      groups.submit(['hot', 'x'], 'b'), // joins: 'hot' is the batch's own, 'x' is free
      groups.submit(['cold', 'hot'], 'c'), // 'cold' is another batch's: waits
      groups.submit(['x'], 'd'), // free: 'c', waiting, blocks only its own keys
    ];
    taken.push(controls.take());
    expect(taken[0]).toEqual(['b', 'd']);
    ends[0]!();
    expect(await first).toBe('a!');
    expect(await Promise.all([queued[0], queued[2]])).toEqual(['b!', 'd!']);
    ends[1]!();
    expect(await other).toBe('other!');
    await new Promise((resolve) => setImmediate(resolve));
    controls.release();
    expect(controls.take()).toEqual([]);
    ends[2]!();
    expect(await queued[1]).toBe('c!');
  });
});
