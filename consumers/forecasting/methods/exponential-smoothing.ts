import { mean, type FittedModel } from './fitted-model.ts';

/** Retail demand repeats by weekday: the season is a week of days. */
export const WEEK = 7;

export interface SmoothingParams {
  alpha: number;
  beta: number;
  /** 0 for Holt (no season). */
  gamma: number;
  /** Trend damping: 1 is Holt's linear trend, below 1 flattens it over the horizon. */
  phi: number;
  /** Season length; null for Holt. */
  period: number | null;
}

interface SmoothingState {
  level: number;
  trend: number;
  /** Indexed by `t % period`, so index `n % period` belongs to the next day. */
  seasonals: number[];
}

interface SmoothingRun {
  /** Squared one-step errors after the warm-up. */
  sse: number;
  count: number;
  residuals: number[];
  state: SmoothingState;
  n: number;
}

/**
 * The grid the parameters are chosen from by in-sample one-step squared error (which is maximum
 * likelihood for additive errors). Damping values stop at 0.98 and include 1: damped trends
 * forecast retail demand better than straight lines (Gardner & McKenzie) without losing a real trend.
 */
const ALPHAS = [0.02, 0.05, 0.1, 0.2, 0.3, 0.5];
const BETAS = [0, 0.01, 0.03, 0.1, 0.2];
const GAMMAS = [0.02, 0.05, 0.1, 0.2, 0.3];
const PHIS = [0.9, 0.95, 0.98, 1];

/** Errors of the first week come mostly from the initial states, not the parameters. */
const WARM_UP = WEEK;

/** Holt's linear (damped) trend method, parameters fitted on `series`. */
export function fitHolt(series: readonly number[]): FittedModel & { aic: number } {
  return fitGrid(series, null);
}

/** Additive Holt–Winters with a damped trend and weekly seasonality; needs four weeks of history. */
export function fitHoltWinters(series: readonly number[], period = WEEK): FittedModel & { aic: number } {
  if (series.length < 4 * period) throw new RangeError(`Holt-Winters needs ${4 * period} days of history`);
  return fitGrid(series, period);
}

function fitGrid(series: readonly number[], period: number | null): FittedModel & { aic: number } {
  let best: { params: SmoothingParams; run: SmoothingRun } | null = null;
  for (const alpha of ALPHAS) {
    for (const beta of BETAS) {
      if (beta > alpha) continue; // a trend that reacts faster than the level only chases noise
      for (const gamma of period === null ? [0] : GAMMAS) {
        if (gamma > 1 - alpha) continue; // the usual admissibility bound for additive seasonality
        for (const phi of PHIS) {
          const params = { alpha, beta, gamma, phi, period };
          const run = runSmoothing(series, params);
          if (best === null || run.sse < best.run.sse) best = { params, run };
        }
      }
    }
  }
  const { params, run } = best!;
  // AIC so a model with a season (6 more initial states, 1 more parameter) must earn its keep.
  const k = period === null ? 5 : 6 + period;
  const aic = run.count * Math.log(Math.max(run.sse, 1e-9) / Math.max(run.count, 1)) + 2 * k;
  return {
    method: period === null ? 'holt' : 'holt-winters',
    params: { alpha: params.alpha, beta: params.beta, gamma: params.gamma, phi: params.phi },
    residuals: run.residuals,
    aic,
    forecast: (horizon) => forecastFrom(run.state, run.n, params, horizon),
  };
}

export function runSmoothing(series: readonly number[], params: SmoothingParams): SmoothingRun {
  const { alpha, beta, gamma, phi, period } = params;
  const state = initialState(series, period);
  let { level, trend } = state;
  const seasonals = state.seasonals;
  let sse = 0;
  let count = 0;
  const residuals: number[] = [];
  for (let t = 0; t < series.length; t++) {
    const y = series[t]!;
    const i = period === null ? 0 : t % period;
    const season = period === null ? 0 : seasonals[i]!;
    const error = y - (level + phi * trend + season);
    if (t >= WARM_UP) {
      sse += error * error;
      count += 1;
      residuals.push(error);
    }
    const previous = level;
    level = alpha * (y - season) + (1 - alpha) * (level + phi * trend);
    trend = beta * (level - previous) + (1 - beta) * phi * trend;
    if (period !== null) seasonals[i] = gamma * (y - level) + (1 - gamma) * season;
  }
  return { sse, count, residuals, state: { level, trend, seasonals }, n: series.length };
}

function forecastFrom(state: SmoothingState, n: number, params: SmoothingParams, horizon: number): number[] {
  const out: number[] = [];
  let damped = 0;
  for (let h = 1; h <= horizon; h++) {
    damped += params.phi ** h;
    const season = params.period === null ? 0 : state.seasonals[(n + h - 1) % params.period]!;
    // Demand is never negative; a falling trend or a deep weekday dip must not promise returns.
    out.push(Math.max(0, state.level + damped * state.trend + season));
  }
  return out;
}

/**
 * Level and trend from the first two weeks (trend 0 with less); weekday effects as the average
 * deviation of each weekday from its week's trend line over up to four weeks. The level is moved back
 * to just before day 0, where the recursion starts.
 */
function initialState(series: readonly number[], period: number | null): SmoothingState {
  const span = period ?? WEEK;
  const first = mean(series.slice(0, span));
  const second = series.length >= 2 * span ? mean(series.slice(span, 2 * span)) : first;
  const trend = (second - first) / span;
  const level = first - trend * ((span + 1) / 2);
  if (period === null) return { level, trend, seasonals: [] };
  const weeks = Math.min(4, Math.floor(series.length / period));
  const seasonals = Array.from({ length: period }, () => 0);
  for (let w = 0; w < weeks; w++) {
    const week = series.slice(w * period, (w + 1) * period);
    const weekMean = mean(week);
    // Detrended first, or a trend within the week would pass for a weekday effect.
    week.forEach(
      (y, i) => (seasonals[i] = seasonals[i]! + (y - weekMean - trend * (i - (period - 1) / 2)) / weeks),
    );
  }
  return { level, trend, seasonals };
}
