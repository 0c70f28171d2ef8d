import type { DemandClass } from '../../../domain/replenishment/index.ts';
import { classifyDemand, ADI_CUTOFF, MIN_HISTORY_DAYS, type DemandProfile } from './classify-demand.ts';
import { fitCrostonSba } from './croston-sba.ts';
import { fitHolt, fitHoltWinters, WEEK } from './exponential-smoothing.ts';
import { mean, type FittedModel } from './fitted-model.ts';

export interface DemandForecast extends DemandProfile {
  model: FittedModel;
}

/**
 * Picks the method per series from its Syntetos–Boylan class:
 *
 * - intermittent and lumpy (ADI ≥ 1.32: demand on fewer than three days in four): Croston with the
 *   SBA correction. Exponential smoothing of a series that is mostly zeros drops after every sale
 *   and overshoots after every gap; Croston smooths size and interval apart, and SBA removes
 *   Croston's upward bias.
 * - smooth and erratic (demand on most days): damped-trend Holt–Winters with a weekly season when
 *   there are four weeks of history and the season pays for itself by AIC, else damped Holt. Here
 *   Croston would degenerate into simple smoothing and throw away trend and weekday pattern.
 * - short (under two weeks): the mean, with the days' spread as its error.
 */
export function forecastDemand(series: readonly number[]): DemandForecast {
  const profile = classifyDemand(series);
  return { ...profile, model: modelFor(series, profile.demandClass, profile.adi) };
}

function modelFor(series: readonly number[], demandClass: DemandClass, adi: number): FittedModel {
  if (demandClass === 'short' || series.length < MIN_HISTORY_DAYS) return fitMean(series);
  if (adi >= ADI_CUTOFF) return fitCrostonSba(series);
  const holt = fitHolt(series);
  if (series.length < 4 * WEEK) return holt;
  const seasonal = fitHoltWinters(series);
  return seasonal.aic < holt.aic ? seasonal : holt;
}

function fitMean(series: readonly number[]): FittedModel {
  const m = mean(series);
  return {
    method: 'mean',
    params: {},
    residuals: series.map((y) => y - m),
    forecast: (horizon) => Array.from({ length: horizon }, () => m),
  };
}
