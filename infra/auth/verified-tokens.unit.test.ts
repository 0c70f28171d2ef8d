import { describe, expect, it } from 'vitest';
import { createVerifiedTokens } from './verified-tokens.ts';

const alice = { id: 'alice', role: 'customer' as const };
const bob = { id: 'bob', role: 'staff' as const };

describe('verified tokens', () => {
  it('answers a remembered token until its expiry, and never after', () => {
    const tokens = createVerifiedTokens(10);
    tokens.remember('t1', alice, 1_000);
    expect(tokens.get('t1', 999)).toEqual(alice);
    expect(tokens.get('t1', 1_000)).toBeUndefined();
    expect(tokens.get('t1', 500)).toBeUndefined();
  });

  it('forgets the oldest token past its capacity', () => {
    const tokens = createVerifiedTokens(2);
    tokens.remember('t1', alice, 1_000);
    tokens.remember('t2', bob, 1_000);
    tokens.remember('t3', bob, 1_000);
    expect(tokens.get('t1', 0)).toBeUndefined();
    expect(tokens.get('t2', 0)).toEqual(bob);
    expect(tokens.get('t3', 0)).toEqual(bob);
  });

  it('remembers nothing with no capacity', () => {
    const tokens = createVerifiedTokens(0);
    tokens.remember('t1', alice, 1_000);
    expect(tokens.get('t1', 0)).toBeUndefined();
  });
});
