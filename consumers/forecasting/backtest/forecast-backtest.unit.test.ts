import { describe, expect, it } from 'vitest';
import { defaultBacktestOptions, runForecastBacktest } from './forecast-backtest.ts';
import { mae, naiveScale, scoreRollingOrigin } from './rolling-origin.ts';

/**
 * A correctness property, not a timing: on generated histories of every class, the method must
 * forecast better than naive (relative MASE below 1). Small but seeded, so it is deterministic.
 */
describe('forecast backtest', () => {
  const results = runForecastBacktest({ ...defaultBacktestOptions, seriesPerClass: 8, step: 14 });

  it.each(['trend', 'seasonal', 'intermittent'])(
    'beats the naive forecast on %s histories',
    (historyClass) => {
      const result = results.find((r) => r.historyClass === historyClass)!;
      expect(result.forecasts).toBeGreaterThan(50);
      expect(result.relativeToNaive).toBeLessThan(1);
    },
  );

  it('beats it clearly where there is structure to find', () => {
    expect(results.find((r) => r.historyClass === 'seasonal')!.relativeToNaive).toBeLessThan(0.6);
    expect(results.find((r) => r.historyClass === 'trend')!.relativeToNaive).toBeLessThan(0.9);
  });

  it('scores naive against itself as exactly 1 (the yardstick is the naive forecast)', () => {
    const series = [3, 5, 4, 6, 5, 7, 6, 8, 7, 9, 8, 10];
    const naive = (history: readonly number[]) => ({
      method: 'mean' as const,
      params: {},
      residuals: [],
      forecast: (h: number) => Array.from({ length: h }, () => history[history.length - 1]!),
    });
    const scores = scoreRollingOrigin(series, naive, { firstOrigin: 8, horizon: 2, step: 1 });
    expect(scores.maseMethod).toBe(scores.maseNaive);
  });

  it('scales by the in-sample one-step naive error', () => {
    expect(naiveScale([1, 3, 2])).toBe(1.5);
    expect(naiveScale([4, 4])).toBe(1);
    expect(mae([1, 2], [2, 4])).toBe(1.5);
  });
});
