import type { ForecastMethod } from '../../../domain/replenishment/index.ts';

/** A model fitted to one daily demand series. */
export interface FittedModel {
  method: ForecastMethod;
  /** The parameters chosen, for logs and docs. */
  params: Readonly<Record<string, number>>;
  /**
   * One-step-ahead in-sample errors (actual − forecast) after the warm-up, oldest first: what the
   * safety stock is sized from.
   */
  residuals: readonly number[];
  /** Forecasts for the next `horizon` days, never negative. */
  forecast(horizon: number): number[];
}

export const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;

/** Root mean square: the standard deviation of errors, counting their bias too. */
export const rms = (values: readonly number[]): number =>
  values.length === 0 ? 0 : Math.sqrt(values.reduce((sum, v) => sum + v * v, 0) / values.length);
