import { describe, expect, it } from 'vitest';
import { parseTtl } from './token-ttl.ts';

describe('parseTtl', () => {
  it.each([
    ['90', 90],
    ['90s', 90],
    ['15m', 900],
    ['8h', 28_800],
    ['7d', 604_800],
    [' 2 h ', 7200],
  ])('reads %s as %i seconds', (ttl, seconds) => {
    expect(parseTtl(ttl)).toBe(seconds);
  });

  it.each(['', '0h', '-1h', '1y', '1.5h', 'h'])('refuses %j', (ttl) => {
    expect(() => parseTtl(ttl)).toThrow(/Invalid token lifetime/);
  });
});
