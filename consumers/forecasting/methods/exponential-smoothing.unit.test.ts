import { describe, expect, it } from 'vitest';
import { fitHolt, fitHoltWinters, runSmoothing } from './exponential-smoothing.ts';

describe('Holt (damped trend)', () => {
  it('carries a clean linear trend forward', () => {
    const line = Array.from({ length: 70 }, (_, t) => 10 + 0.5 * t);
    const [tomorrow, , later] = fitHolt(line).forecast(3);
    expect(tomorrow).toBeCloseTo(45, 0);
    expect(later).toBeGreaterThan(tomorrow!);
  });

  it('never forecasts negative demand on a falling series', () => {
    const falling = Array.from({ length: 40 }, (_, t) => Math.max(0, 40 - 2 * t));
    expect(Math.min(...fitHolt(falling).forecast(30))).toBeGreaterThanOrEqual(0);
  });
});

describe('Holt–Winters (weekly season)', () => {
  it('reproduces a weekday pattern', () => {
    const week = [10, 10, 10, 10, 20, 40, 35];
    const series = Array.from({ length: 84 }, (_, t) => week[t % 7]!);
    const model = fitHoltWinters(series);
    // Day 84 is a weekday 0 again.
    model.forecast(7).forEach((y, h) => expect(y).toBeCloseTo(week[h]!, 0));
    expect(model.method).toBe('holt-winters');
  });

  it('needs four weeks of history', () => {
    expect(() => fitHoltWinters([1, 2, 3])).toThrow(RangeError);
  });

  it('explains a straight line by level and trend alone (no weekday effect invented)', () => {
    const series = [
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
    ];
    const run = runSmoothing(series, { alpha: 0.5, beta: 0.1, gamma: 0.1, phi: 1, period: 7 });
    // A perfectly linear series is explained by the initial level and trend: no error at all.
    expect(Math.max(...run.residuals.map(Math.abs))).toBeLessThan(1e-9);
  });
});
