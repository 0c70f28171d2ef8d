import { describe, expect, it } from 'vitest';
import { lowestPriceBefore, lowestPriorPrice } from './omnibus.ts';

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

describe('lowestPriceBefore (EU Omnibus for a promotion starting at a moment)', () => {
  const history = [
    { amount: 100, at: day(0) },
    { amount: 80, at: day(50) }, // in effect days 50 to 55
    { amount: 120, at: day(55) }, // raised 10 days before a promotion of day 65
  ];

  it('takes the lowest price of the 30 days before the start, not the price at the start', () => {
    expect(lowestPriceBefore(history, day(65))).toBe(80);
  });

  it('judges the window before the start, whatever happened since', () => {
    // 30 days before day 100: days 70 to 100, when only 120 was in effect.
    expect(lowestPriceBefore(history, day(100))).toBe(120);
    // A change at the very start is the promoted price, not a prior one.
    expect(lowestPriceBefore(history, day(55))).toBe(80);
  });

  it('counts only the days the product existed, and has no reference before it did', () => {
    const young = [
      { amount: 300, at: day(0) },
      { amount: 250, at: day(5) },
    ];
    expect(lowestPriceBefore(young, day(12))).toBe(250);
    expect(lowestPriceBefore(young, day(3))).toBe(300);
    expect(lowestPriceBefore(young, day(0))).toBeNull();
    expect(lowestPriceBefore([], day(0))).toBeNull();
  });
});
