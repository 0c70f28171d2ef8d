import type { RecordedEvent } from '../../ports/event-store.ts';
import { epochDay, type SeriesKey } from './forecasting-tables.ts';

/** What the forecasting consumer remembers to skip forecasts that would come out the same. */

export const seriesKey = (series: SeriesKey) => JSON.stringify([series.sku, series.location]);

const dayOf = (event: RecordedEvent) => epochDay(event.metadata.occurredAt);

/** Stock movements trigger a review of availability, never a forecast. */
export const stockEventTypes = new Set([
  'StockReceived',
  'StockAdjusted',
  'StockTransferredIn',
  'StockTransferredOut',
]);

/**
 * Whether an event may change what a series' forecast for `forecastDay` was made from: the demand
 * of the complete days before it, and the policy. A sale books demand on its own day, which is no
 * earlier than the forecast's for a sale in order; a cancellation or a refund books on the day the
 * order was placed, an earlier one; a policy changes the inputs themselves. Stock movements only
 * trigger a review, which reads no forecast input.
 */
export function changesHistory(event: RecordedEvent, forecastDay: number | undefined): boolean {
  if (forecastDay === undefined || stockEventTypes.has(event.type)) return false;
  return event.type !== 'OrderPlaced' || dayOf(event) < forecastDay;
}

/**
 * The day each series was last forecast for by this process, while its inputs stayed as they
 * were. A busy SKU sells many times a day, and each sale would otherwise cost three reads and a
 * forecast to record the same figures again (the forecast cache below saves only the fit). Another
 * process's consumer handles its own deliveries: the one that takes an input-changing event
 * forecasts again itself. A restart forgets everything, which costs one forecast per series.
 */
export function forecastedDayMemo(maxEntries: number) {
  const days = new Map<string, number>();
  return {
    get: (key: string) => days.get(key),
    set(key: string, day: number): void {
      days.delete(key);
      days.set(key, day);
      if (days.size > maxEntries) days.delete(days.keys().next().value!);
    },
    delete: (key: string) => days.delete(key),
  };
}
