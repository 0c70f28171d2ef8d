import { describe, expect, it } from 'vitest';
import { lowestPriorPrice } from './omnibus.ts';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();

describe('lowestPriorPrice (EU Omnibus)', () => {
  it('has no reference for the launch price', () => {
    expect(lowestPriorPrice([{ amount: 100, at: day(0) }], 0)).toBeNull();
  });

  it('counts a price still in effect at the start of the 30-day window, not one replaced before it', () => {
    const entries = [
      { amount: 50, at: day(0) }, // replaced on day 5: outside the window of day 40
      { amount: 90, at: day(5) }, // in effect from day 5 to day 40: covers the window start (day 10)
      { amount: 80, at: day(40) },
    ];
    expect(lowestPriorPrice(entries, 2)).toBe(90);
  });

  it('takes the lowest of every price applied inside the window', () => {
    const entries = [
      { amount: 120, at: day(0) },
      { amount: 70, at: day(20) },
      { amount: 130, at: day(25) },
      { amount: 100, at: day(30) },
    ];
    expect(lowestPriorPrice(entries, 3)).toBe(70);
  });
});
