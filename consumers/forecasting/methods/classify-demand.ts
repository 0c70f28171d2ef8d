import type { DemandClass } from '../../../domain/replenishment/index.ts';
import { mean } from './fitted-model.ts';

/** Syntetos, Boylan & Croston (2005): the cut-offs between their four demand categories. */
export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;

/** Fewer days than this and neither ADI nor a trend can be told from noise. */
export const MIN_HISTORY_DAYS = 14;

export interface DemandProfile {
  demandClass: DemandClass;
  /** Average inter-demand interval: days per day with demand (Infinity with no demand at all). */
  adi: number;
  /** Squared coefficient of variation of the non-zero demand sizes. */
  cv2: number;
}

/**
 * Classifies a daily demand series: ADI says how often demand occurs, CV² how much its size
 * varies. Smooth and erratic series have demand on most days; intermittent and lumpy ones mostly
 * have none, which is what breaks ordinary exponential smoothing (see docs/forecasting.md).
 */
export function classifyDemand(series: readonly number[]): DemandProfile {
  const sizes = series.filter((y) => y > 0);
  const adi = sizes.length === 0 ? Number.POSITIVE_INFINITY : series.length / sizes.length;
  const m = mean(sizes);
  const cv2 = sizes.length < 2 || m === 0 ? 0 : mean(sizes.map((y) => (y - m) ** 2)) / (m * m);
  if (series.length < MIN_HISTORY_DAYS) return { demandClass: 'short', adi, cv2 };
  const frequent = adi < ADI_CUTOFF;
  const steady = cv2 < CV2_CUTOFF;
  const demandClass = frequent ? (steady ? 'smooth' : 'erratic') : steady ? 'intermittent' : 'lumpy';
  return { demandClass, adi, cv2 };
}
