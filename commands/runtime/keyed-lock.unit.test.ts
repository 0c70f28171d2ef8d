import { describe, expect, it } from 'vitest';
import { createKeyedLock } from './keyed-lock.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('keyed lock', () => {
  it('runs holders of one key one at a time, in arrival order', async () => {
    const lock = createKeyedLock();
    const log: string[] = [];
    let inside = 0;
    await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        lock.run(['hot'], async () => {
          inside++;
          expect(inside).toBe(1);
          log.push(`${name}+`);
          await tick();
          log.push(`${name}-`);
          inside--;
        }),
      ),
    );
    expect(log).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
  });

  it('lets disjoint keys run together and overlapping sets finish without deadlock', async () => {
    const lock = createKeyedLock();
    let together = 0;
    let most = 0;
    const hold = (keys: string[]) =>
      lock.run(keys, async () => {
        most = Math.max(most, ++together);
        await tick();
        together--;
      });
    await Promise.all([hold(['x']), hold(['y'])]);
    expect(most).toBe(2);
    await Promise.all([hold(['a', 'b']), hold(['b', 'a']), hold(['b', 'c']), hold(['c', 'a'])]);
  });

  it('releases the key when the work throws', async () => {
    const lock = createKeyedLock();
    await expect(lock.run(['k'], () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await lock.run(['k'], async () => 'next')).toBe('next');
  });
});
