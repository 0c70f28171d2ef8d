import {
  defaultBacktestOptions,
  runForecastBacktest,
  type BacktestOptions,
  type ClassResult,
} from '../../consumers/forecasting/backtest/forecast-backtest.ts';
import type { Metric } from '../lib/results.ts';

export type ForecastBacktestMetrics = Record<'mase_trend' | 'mase_seasonal' | 'mase_intermittent', Metric>;

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * The forecasting part of `npm run bench -- fanout`: a rolling-origin backtest of the forecasting
 * consumer's method on generated histories (known trend, weekly seasonality, intermittent; seeded),
 * printed as a table. Each metric is MASE of the method over MASE of the naive forecast measured on
 * the same histories and origins, so below 1 beats naive. Accuracy, not speed: the figures do not
 * depend on the machine.
 */
export function forecastBacktest(options: Partial<BacktestOptions> = {}): {
  metrics: ForecastBacktestMetrics;
  results: ClassResult[];
} {
  const settings = { ...defaultBacktestOptions, ...options };
  const results = runForecastBacktest(settings);
  console.log(
    `\nforecast backtest: ${settings.seriesPerClass} series per class, ${settings.days} days, ` +
      `rolling origin from day ${settings.firstOrigin} every ${settings.step} days, ${settings.horizon}-day horizon, seed ${settings.seed}`,
  );
  console.table(
    Object.fromEntries(
      results.map((r) => [
        r.historyClass,
        {
          method: Object.entries(r.methods)
            .map(([name, n]) => `${name} ${n}`)
            .join(', '),
          forecasts: r.forecasts,
          'MASE method': round(r.maseMethod),
          'MASE naive': round(r.maseNaive),
          'MASE seasonal naive': round(r.maseSeasonalNaive),
          'method / naive': round(r.relativeToNaive),
        },
      ]),
    ),
  );
  const metric = (historyClass: ClassResult['historyClass']): Metric => {
    const r = results.find((result) => result.historyClass === historyClass)!;
    return {
      value: r.relativeToNaive,
      unit: 'MASE ratio',
      baseline: `naive forecast (MASE ${round(r.maseNaive)}; method ${round(r.maseMethod)})`,
      ratio: r.relativeToNaive,
    };
  };
  return {
    metrics: {
      mase_trend: metric('trend'),
      mase_seasonal: metric('seasonal'),
      mase_intermittent: metric('intermittent'),
    },
    results,
  };
}
