import { forecastDemand } from '../methods/forecast-demand.ts';
import { mean } from '../methods/fitted-model.ts';
import { scoreRollingOrigin, type RollingOriginOptions } from './rolling-origin.ts';
import { seededRandom } from './seeded-random.ts';
import { historyClasses, syntheticDemand, type HistoryClass } from './synthetic-demand.ts';

export interface BacktestOptions extends RollingOriginOptions {
  seed: number;
  seriesPerClass: number;
  days: number;
}

export const defaultBacktestOptions: BacktestOptions = {
  seed: 20261121,
  seriesPerClass: 30,
  days: 280,
  firstOrigin: 140,
  horizon: 14,
  step: 7,
};

export interface ClassResult {
  historyClass: HistoryClass;
  series: number;
  forecasts: number;
  maseMethod: number;
  maseNaive: number;
  maseSeasonalNaive: number;
  /** MASE of the method over MASE of the naive forecast: below 1 beats naive. */
  relativeToNaive: number;
  /** How often each method was chosen, e.g. `{ "holt-winters": 420 }`. */
  methods: Record<string, number>;
}

/**
 * Generates histories of each class from one seed, backtests the production forecasting path
 * (`forecastDemand`, which classifies and picks the method itself) with a rolling origin, and
 * compares its MASE with the naive forecast's. Deterministic for a given seed.
 */
export function runForecastBacktest(options: BacktestOptions = defaultBacktestOptions): ClassResult[] {
  const random = seededRandom(options.seed);
  return historyClasses.map((historyClass) => {
    const scores = Array.from({ length: options.seriesPerClass }, () =>
      scoreRollingOrigin(
        syntheticDemand(historyClass, options.days, random),
        (h) => forecastDemand(h).model,
        options,
      ),
    );
    const methods: Record<string, number> = {};
    for (const name of scores.flatMap((s) => s.methods)) methods[name] = (methods[name] ?? 0) + 1;
    const maseMethod = mean(scores.map((s) => s.maseMethod));
    const maseNaive = mean(scores.map((s) => s.maseNaive));
    return {
      historyClass,
      series: scores.length,
      forecasts: scores.reduce((n, s) => n + s.origins, 0),
      maseMethod,
      maseNaive,
      maseSeasonalNaive: mean(scores.map((s) => s.maseSeasonalNaive)),
      relativeToNaive: maseMethod / maseNaive,
      methods,
    };
  });
}
