import { expect, it } from 'vitest';
import { leadTimeTargets } from './safety-stock.ts';

it('sizes safety stock as z · σ(daily errors) · √(lead time)', () => {
  // Errors of ±3: σ = 3; over 4 days σ = 6; at 95% z = 1.645 → 9.87.
  const targets = leadTimeTargets({
    dailyForecast: [10, 11, 12, 13],
    residuals: [3, -3, 3, -3],
    leadTimeDays: 4,
    serviceLevel: 0.95,
  });
  expect(targets.leadTimeDemand).toBe(46);
  expect(targets.forecastErrorSd).toBe(3);
  expect(targets.leadTimeErrorSd).toBe(6);
  expect(targets.safetyStock).toBeCloseTo(9.869, 3);
});

it('counts bias as error and looks at the last 91 days only', () => {
  const old = Array.from({ length: 200 }, () => 100);
  const recent = Array.from({ length: 91 }, () => 2);
  const targets = leadTimeTargets({
    dailyForecast: [1],
    residuals: [...old, ...recent],
    leadTimeDays: 1,
    serviceLevel: 0.5,
  });
  expect(targets.forecastErrorSd).toBe(2);
  // At 50% service z = 0: no safety stock.
  expect(targets.safetyStock).toBeCloseTo(0, 9);
});

it('raises safety stock with the service level', () => {
  const at = (serviceLevel: number) =>
    leadTimeTargets({ dailyForecast: [5, 5], residuals: [1, -2, 2], leadTimeDays: 2, serviceLevel })
      .safetyStock;
  expect(at(0.99)).toBeGreaterThan(at(0.95));
});

it('needs one forecast per lead-time day', () => {
  expect(() =>
    leadTimeTargets({ dailyForecast: [1], residuals: [], leadTimeDays: 3, serviceLevel: 0.9 }),
  ).toThrow(RangeError);
});
