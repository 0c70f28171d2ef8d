import { describe, expect, it } from 'vitest';
import { fitCrostonSba, runSba } from './croston-sba.ts';

describe('Croston with the Syntetos–Boylan approximation', () => {
  it('smooths size and interval only on demand days, forecasting (1 − α/2) · size / interval', () => {
    // First demand (4) on day 2: size 4, interval 3. Day 5 brings 6 after 3 days:
    // size 4 + 0.1·(6 − 4) = 4.2, interval 3 + 0.1·(3 − 3) = 3.
    const run = runSba([0, 0, 4, 0, 0, 6, 0], 0.1);
    expect(run.size).toBeCloseTo(4.2, 10);
    expect(run.interval).toBeCloseTo(3, 10);
    // The error on day 3 is against the forecast 0.95 · 4 / 3.
    expect(run.residuals[0]).toBeCloseTo(0 - (0.95 * 4) / 3, 10);
  });

  it('forecasts the same rate for every future day', () => {
    const series = Array.from({ length: 60 }, (_, t) => (t % 4 === 0 ? 8 : 0));
    const model = fitCrostonSba(series);
    const [first, ...rest] = model.forecast(5);
    expect(rest.every((y) => y === first)).toBe(true);
    // Demand of 8 every 4 days is 2 a day; SBA deliberately lands a little below it.
    expect(first).toBeGreaterThan(1.8);
    expect(first).toBeLessThan(2);
    expect(model.method).toBe('sba');
  });

  it('forecasts nothing for a series without demand', () => {
    expect(fitCrostonSba([0, 0, 0, 0]).forecast(3)).toEqual([0, 0, 0]);
  });
});
