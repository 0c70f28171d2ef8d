import { mean, type FittedModel } from '../methods/fitted-model.ts';

export interface RollingOriginOptions {
  /** Days of history before the first forecast origin. */
  firstOrigin: number;
  /** Days forecast from each origin (a lead time). */
  horizon: number;
  /** Days between origins. */
  step: number;
}

export interface SeriesScores {
  /** Mean absolute scaled error of the method, averaged over the origins. */
  maseMethod: number;
  /** The same for the naive forecast (tomorrow and after = the last day seen). */
  maseNaive: number;
  /** The same for the seasonal naive forecast (the same weekday last week), for reference. */
  maseSeasonalNaive: number;
  origins: number;
  /** Method chosen at each origin (methods may change as history grows). */
  methods: string[];
}

/**
 * Rolling-origin evaluation (Tashman 2000): refit on the history up to each origin, forecast the
 * horizon, score against what followed. Errors are scaled by the in-sample MAE of the one-step
 * naive forecast up to that origin (Hyndman & Koehler's MASE), so series of any size average fairly.
 */
export function scoreRollingOrigin(
  series: readonly number[],
  fit: (history: readonly number[]) => FittedModel,
  options: RollingOriginOptions,
): SeriesScores {
  const method: number[] = [];
  const naive: number[] = [];
  const seasonalNaive: number[] = [];
  const methods: string[] = [];
  for (let origin = options.firstOrigin; origin + options.horizon <= series.length; origin += options.step) {
    const history = series.slice(0, origin);
    const actual = series.slice(origin, origin + options.horizon);
    const scale = naiveScale(history);
    const model = fit(history);
    methods.push(model.method);
    const last = history[history.length - 1] ?? 0;
    method.push(mae(actual, model.forecast(options.horizon)) / scale);
    naive.push(
      mae(
        actual,
        actual.map(() => last),
      ) / scale,
    );
    seasonalNaive.push(
      mae(
        actual,
        actual.map((_, h) => history[origin - 7 + (h % 7)] ?? 0),
      ) / scale,
    );
  }
  return {
    maseMethod: mean(method),
    maseNaive: mean(naive),
    maseSeasonalNaive: mean(seasonalNaive),
    origins: method.length,
    methods,
  };
}

export function mae(actual: readonly number[], forecast: readonly number[]): number {
  return mean(actual.map((y, i) => Math.abs(y - (forecast[i] ?? 0))));
}

/** In-sample MAE of the one-step naive forecast; 1 for a constant series so nothing divides by 0. */
export function naiveScale(history: readonly number[]): number {
  const steps = history.slice(1).map((y, i) => Math.abs(y - history[i]!));
  const scale = mean(steps);
  return scale > 0 ? scale : 1;
}
