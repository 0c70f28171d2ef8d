import { forecastDemand } from './methods/forecast-demand.ts';
import { leadTimeTargets } from './methods/safety-stock.ts';
import type { ForecastFigures } from './replenishment-commands.ts';
import type { SeriesKey } from './forecasting-tables.ts';

export interface ForecastSettings {
  /** QM_LEAD_TIME_DAYS: the supplier lead time unless a policy names another. */
  leadTimeDays: number;
  /** QM_SERVICE_LEVEL. */
  serviceLevel: number;
  /** QM_REVIEW_PERIOD_DAYS: days of demand a suggestion covers beyond the reorder point. */
  reviewPeriodDays: number;
  /** Days of history a forecast looks at: a year holds every weekday pattern many times. */
  historyDays: number;
}

/**
 * One series' forecast as the figures the replenishment command records: the method chosen by its
 * demand class, the demand expected over the lead time and the safety stock for the service level.
 * Null with no history at all (a SKU's first day): there is nothing to forecast from yet.
 */
export function seriesForecast(input: {
  series: SeriesKey;
  history: readonly number[];
  leadTimeDays: number;
  serviceLevel: number;
  reviewPeriodDays: number;
  asOf: string;
}): ForecastFigures | null {
  const { history, leadTimeDays, serviceLevel } = input;
  if (history.length === 0) return null;
  const forecast = forecastDemand(history);
  const targets = leadTimeTargets({
    dailyForecast: forecast.model.forecast(leadTimeDays),
    residuals: forecast.model.residuals,
    leadTimeDays,
    serviceLevel,
  });
  return {
    sku: input.series.sku,
    location: input.series.location,
    leadTimeDemand: targets.leadTimeDemand,
    safetyStock: targets.safetyStock,
    forecastErrorSd: targets.forecastErrorSd,
    leadTimeDays,
    serviceLevel,
    reviewPeriodDays: input.reviewPeriodDays,
    method: forecast.model.method,
    demandClass: forecast.demandClass,
    historyDays: history.length,
    asOf: input.asOf,
  };
}
