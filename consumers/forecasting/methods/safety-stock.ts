import { rms } from './fitted-model.ts';
import { normalQuantile } from './normal-quantile.ts';

/** Recent errors describe today's uncertainty better than last year's; about three months of days. */
const ERROR_WINDOW_DAYS = 91;

export interface LeadTimeTargets {
  /** Expected demand over the lead time: the sum of the daily forecasts. */
  leadTimeDemand: number;
  /** σ of one-day forecast errors (root mean square, so bias counts as error too). */
  forecastErrorSd: number;
  /** σ of the forecast error summed over the lead time. */
  leadTimeErrorSd: number;
  /** z · σ over the lead time, at the service level asked for. */
  safetyStock: number;
}

/**
 * Safety stock at a cycle service level: z = Φ⁻¹(service level) times the standard deviation of
 * forecast errors over the lead time. Daily errors are taken as independent, so that σ grows with
 * √(lead time) — the textbook approximation (Silver, Pyke & Peterson); with a trending series
 * errors correlate and it understates σ a little, which the 91-day RMS (bias included) offsets.
 */
export function leadTimeTargets(input: {
  dailyForecast: readonly number[];
  residuals: readonly number[];
  leadTimeDays: number;
  serviceLevel: number;
}): LeadTimeTargets {
  const { dailyForecast, residuals, leadTimeDays, serviceLevel } = input;
  if (dailyForecast.length !== leadTimeDays) throw new RangeError('one forecast per lead-time day is needed');
  const leadTimeDemand = dailyForecast.reduce((sum, y) => sum + y, 0);
  const forecastErrorSd = rms(residuals.slice(-ERROR_WINDOW_DAYS));
  const leadTimeErrorSd = forecastErrorSd * Math.sqrt(leadTimeDays);
  const safetyStock = Math.max(0, normalQuantile(serviceLevel) * leadTimeErrorSd);
  return { leadTimeDemand, forecastErrorSd, leadTimeErrorSd, safetyStock };
}
