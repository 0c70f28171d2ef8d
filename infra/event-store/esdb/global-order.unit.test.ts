import { BACKWARDS, FORWARDS } from '@kurrent/kurrentdb-client';
import { describe, expect, it } from 'vitest';
import { isBeyond } from './global-order.ts';

const at = (commit: number, prepare = commit) => ({ commit: BigInt(commit), prepare: BigInt(prepare) });

describe('isBeyond', () => {
  it('forwards: only what comes strictly after the cursor', () => {
    expect(isBeyond(at(10), at(10), FORWARDS)).toBe(false);
    expect(isBeyond(at(9), at(10), FORWARDS)).toBe(false);
    expect(isBeyond(at(11), at(10), FORWARDS)).toBe(true);
    expect(isBeyond(at(10, 12), at(10, 11), FORWARDS)).toBe(true);
  });

  it('backwards: only what comes strictly before the cursor', () => {
    expect(isBeyond(at(10), at(10), BACKWARDS)).toBe(false);
    expect(isBeyond(at(11), at(10), BACKWARDS)).toBe(false);
    expect(isBeyond(at(9), at(10), BACKWARDS)).toBe(true);
  });
});
