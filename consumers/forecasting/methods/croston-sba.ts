import type { FittedModel } from './fitted-model.ts';

/** Syntetos & Boylan recommend small smoothing constants for intermittent demand (0.05–0.2). */
const ALPHAS = [0.05, 0.1, 0.15, 0.2] as const;

interface CrostonRun {
  sse: number;
  residuals: number[];
  /** Smoothed demand size and inter-demand interval at the end of the series. */
  size: number;
  interval: number;
}

/**
 * Croston's method with the Syntetos–Boylan approximation (SBA): demand size and the interval
 * between demands are smoothed separately, updated only on days with demand, and the per-day
 * forecast is (1 − α/2) · size / interval. The factor removes Croston's known positive bias.
 * α is picked from a small grid by in-sample squared error.
 */
export function fitCrostonSba(series: readonly number[]): FittedModel {
  let best: { alpha: number; run: CrostonRun } | null = null;
  for (const alpha of ALPHAS) {
    const run = runSba(series, alpha);
    if (best === null || run.sse < best.run.sse) best = { alpha, run };
  }
  const { alpha, run } = best!;
  const perDay = run.interval > 0 ? ((1 - alpha / 2) * run.size) / run.interval : 0;
  return {
    method: 'sba',
    params: { alpha },
    residuals: run.residuals,
    forecast: (horizon) => Array.from({ length: horizon }, () => perDay),
  };
}

export function runSba(series: readonly number[], alpha: number): CrostonRun {
  const first = series.findIndex((y) => y > 0);
  if (first < 0) return { sse: 0, residuals: series.map((y) => y), size: 0, interval: 0 };
  // Initialised on the first demand: its size, and the days up to it as the first interval.
  let size = series[first]!;
  let interval = first + 1;
  let sinceLast = 1;
  let sse = 0;
  const residuals: number[] = [];
  for (let t = first + 1; t < series.length; t++) {
    const y = series[t]!;
    const error = y - ((1 - alpha / 2) * size) / interval;
    residuals.push(error);
    sse += error * error;
    if (y > 0) {
      size += alpha * (y - size);
      interval += alpha * (sinceLast - interval);
      sinceLast = 1;
    } else {
      sinceLast += 1;
    }
  }
  return { sse, residuals, size, interval };
}
