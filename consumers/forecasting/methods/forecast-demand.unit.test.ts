import { describe, expect, it } from 'vitest';
import { seededRandom } from '../backtest/seeded-random.ts';
import { syntheticDemand } from '../backtest/synthetic-demand.ts';
import { forecastDemand } from './forecast-demand.ts';

describe('forecastDemand picks the method by demand class', () => {
  const random = seededRandom(7);

  it('uses SBA for intermittent demand', () => {
    const forecast = forecastDemand(syntheticDemand('intermittent', 120, random));
    expect(forecast.demandClass).toMatch(/intermittent|lumpy/);
    expect(forecast.model.method).toBe('sba');
  });

  it('uses Holt–Winters for smooth demand with a weekday pattern', () => {
    const forecast = forecastDemand(syntheticDemand('seasonal', 120, random));
    expect(forecast.demandClass).toBe('smooth');
    expect(forecast.model.method).toBe('holt-winters');
  });

  it('uses Holt for smooth trending demand without a weekday pattern', () => {
    expect(forecastDemand(syntheticDemand('trend', 120, random)).model.method).toBe('holt');
  });

  it('uses Holt under four weeks of history, the mean under two', () => {
    expect(forecastDemand(syntheticDemand('seasonal', 20, random)).model.method).toBe('holt');
    const short = forecastDemand([4, 6, 5]);
    expect(short).toMatchObject({ demandClass: 'short' });
    expect(short.model.forecast(2)).toEqual([5, 5]);
  });
});
