import { describe, expect, it } from 'vitest';
import { createMicroBatch } from './micro-batch.ts';

describe('createMicroBatch', () => {
  it('runs calls made together as one batch, answering each its own result', async () => {
    const batches: number[][] = [];
    const double = createMicroBatch(async (items: number[]) => {
      batches.push(items);
      return items.map((n) => n * 2);
    });
    expect(await Promise.all([1, 2, 3].map(double))).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('holds calls made while a batch is in flight for the next one, at most maxItems each', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const echo = createMicroBatch(
      async (items: number[]) => {
        batches.push(items);
        if (batches.length === 1) await gate;
        return items;
      },
      { maxItems: 2 },
    );
    const first = echo(0);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [1, 2, 3].map(echo);
    release();
    expect(await Promise.all([first, ...later])).toEqual([0, 1, 2, 3]);
    expect(batches).toEqual([[0], [1, 2], [3]]);
  });

  it('rejects every call of a failed batch, and goes on with the next', async () => {
    let fail = true;
    const call = createMicroBatch(async (items: string[]) => {
      if (fail) {
        fail = false;
        throw new Error('down');
      }
      return items;
    });
    const failed = await Promise.allSettled(['a', 'b'].map(call));
    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await call('c')).toBe('c');
  });

  it('refuses an answer that does not match the items one to one', async () => {
    const short = createMicroBatch(async () => [] as number[]);
    await expect(short(1)).rejects.toThrow(/0 results for 1 items/);
  });
});
