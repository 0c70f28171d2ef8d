import type { RecordedEvent } from '../../ports/event-store.ts';
import { isDomainError } from '../../domain/errors.ts';
import type { EventBus, RunningConsumer } from '../../infra/bus/event-bus.ts';
import { defaultSubjectPrefix } from '../../infra/bus/subjects.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { lastForecastDay, loadDemandHistory, loadPolicy, markForecastDay } from './demand-history.ts';
import { epochDay, type SeriesKey } from './forecasting-tables.ts';
import { changesHistory, forecastedDayMemo, seriesKey, stockEventTypes } from './forecasted-days.ts';
import { recordDemandBatch } from './record-demand.ts';
import type { CommandCause, ForecastFigures, ReplenishmentCommands } from './replenishment-commands.ts';
import { seriesForecast, type ForecastSettings } from './series-forecast.ts';

export interface ForecastingOptions {
  bus: EventBus;
  /** The database holding the forecasting tables (migration 0007). */
  sql: SqlClient;
  /** Wired by the composition root to the replenishment command handlers. */
  commands: ReplenishmentCommands;
  settings: ForecastSettings;
  log: Logger;
  /** The durable consumer's name on the bus (default `forecasting`). */
  durable?: string;
  /** The bus's subject prefix (default `events`). */
  subjectPrefix?: string;
  /** Forecasts kept per process, so a hot SKU is not refitted on every sale of the day (default 10,000). */
  cacheSize?: number;
  /**
   * Called after each event is handled (before it is acknowledged; for a batch, once the whole
   * batch is); for tests and metrics.
   */
  onHandled?: (event: RecordedEvent) => void;
}

/** Demand comes from orders; availability changes from stock movements; policies from admins. */
export const forecastingSubjects = (prefix: string): string[] => [
  `${prefix}.order.OrderPlaced`,
  `${prefix}.order.OrderCancelled`,
  `${prefix}.order.OrderEdited`,
  `${prefix}.order.RefundIssued`,
  `${prefix}.stock.StockReceived`,
  `${prefix}.stock.StockAdjusted`,
  `${prefix}.stock.StockTransferredIn`,
  `${prefix}.stock.StockTransferredOut`,
  `${prefix}.replenishment.ReplenishmentPolicySet`,
];

/**
 * The forecasting consumer. For each event it books daily demand (idempotent by event id, see
 * record-demand.ts), then for each SKU and location concerned forecasts from the complete days
 * before the event and records the result through the command side, which writes an event only
 * when the targets changed materially. Stock movements only trigger a review of availability.
 *
 * The command step runs on redeliveries too: a crash between booking and commanding must not lose
 * the recalculation, and the decider makes a repeat harmless. A refused command (a `DomainError`)
 * is logged and skipped; anything else throws so the bus redelivers the event later.
 */
export async function startForecastingConsumer(options: ForecastingOptions): Promise<RunningConsumer> {
  const durable = options.durable ?? 'forecasting';
  const log = options.log.child({ consumer: durable });
  const forecasts = forecastCache(options.cacheSize ?? 10_000);
  const forecastedDays = forecastedDayMemo(options.cacheSize ?? 10_000);

  async function figuresFor(series: SeriesKey, event: RecordedEvent): Promise<ForecastFigures | null> {
    const day = epochDay(event.metadata.occurredAt);
    const [history, policy] = await Promise.all([
      loadDemandHistory(options.sql, series, day, options.settings.historyDays),
      loadPolicy(options.sql, series),
    ]);
    const leadTimeDays = policy.leadTimeDays ?? options.settings.leadTimeDays;
    const serviceLevel = policy.serviceLevel ?? options.settings.serviceLevel;
    const key = `${series.sku}@${series.location}`;
    const fingerprint = [day, leadTimeDays, serviceLevel, ...fingerprintOf(history)].join('|');
    const cached = forecasts.get(key, fingerprint);
    if (cached !== undefined) return cached;
    const figures = seriesForecast({
      series,
      history,
      leadTimeDays,
      serviceLevel,
      reviewPeriodDays: options.settings.reviewPeriodDays,
      asOf: event.metadata.occurredAt,
    });
    forecasts.set(key, fingerprint, figures);
    return figures;
  }

  async function refresh(series: SeriesKey, event: RecordedEvent): Promise<void> {
    const cause: CommandCause = { eventId: event.id, correlationId: event.metadata.correlationId };
    try {
      if (stockEventTypes.has(event.type)) {
        await options.commands.reviewReplenishment(series, cause);
        return;
      }
      const day = epochDay(event.metadata.occurredAt);
      const key = seriesKey(series);
      // Forecast for this day already, from inputs nothing has changed since (see handleBatch):
      // the next sale of a hot SKU today would read the same history and fit the same figures.
      // The sale still lowered availability, which only the review weighs against the targets.
      if (forecastedDays.get(key) === day) {
        await options.commands.reviewReplenishment(series, cause);
        return;
      }
      // An event older than the last forecast (a late redelivery, a second consumer catching up)
      // must not put an outdated forecast over a newer one.
      const last = await lastForecastDay(options.sql, series);
      if (last !== null && day < last) return;
      const figures = await figuresFor(series, event);
      const { recorded } =
        figures === null
          ? await options.commands.reviewReplenishment(series, cause)
          : await options.commands.recordForecast(figures, cause);
      if (figures !== null) await markForecastDay(options.sql, series, day);
      // Too little history for a forecast stays too little until the inputs change.
      forecastedDays.set(key, day);
      if (recorded.length > 0) log.info({ ...series, recorded, cause: event.id }, 'replenishment recorded');
    } catch (error) {
      if (!isDomainError(error)) throw error;
      log.warn(
        { ...series, event: event.id, code: error.code, details: error.details },
        'replenishment refused',
      );
    }
  }

  /**
   * A delivery batch: its demand booked in one transaction (`recordDemandBatch`), then each series
   * it touched refreshed once, for the latest day among its events (the later event on a tie), as
   * handling the events one by one would have left it: a forecast as of an earlier day is
   * superseded by the later one, and an older day is refused by `lastForecastDay` anyway. A stock
   * movement's review runs once per series too.
   */
  async function handleBatch(events: readonly RecordedEvent[]): Promise<void> {
    const recorded = await recordDemandBatch(options.sql, events);
    const plans = new Map<string, { series: SeriesKey; demand?: RecordedEvent; stock?: RecordedEvent }>();
    events.forEach((event, i) => {
      for (const series of recorded[i]!.touched) {
        const key = seriesKey(series);
        if (changesHistory(event, forecastedDays.get(key))) forecastedDays.delete(key);
        let plan = plans.get(key);
        if (!plan) plans.set(key, (plan = { series }));
        if (stockEventTypes.has(event.type)) plan.stock = event;
        else if (!plan.demand || dayOf(event) >= dayOf(plan.demand)) plan.demand = event;
      }
    });
    for (const { series, demand, stock } of plans.values()) {
      if (stock) await refresh(series, stock);
      if (demand) await refresh(series, demand);
    }
    for (const event of events) options.onHandled?.(event);
  }

  const consumer = await options.bus.consume({
    durable,
    subjects: forecastingSubjects(options.subjectPrefix ?? defaultSubjectPrefix),
    deliverFrom: 'start',
    handle: (event) => handleBatch([event]),
    handleBatch,
  });
  log.info({ bus: options.bus.kind, ...options.settings }, 'forecasting consumer started');
  return consumer;
}

const dayOf = (event: RecordedEvent) => epochDay(event.metadata.occurredAt);

/** Cheap identity of a history: its length and two sums (a changed past day changes them). */
function fingerprintOf(history: readonly number[]): number[] {
  let sum = 0;
  let weighted = 0;
  history.forEach((y, i) => {
    sum += y;
    weighted += y * (i + 1);
  });
  return [history.length, sum, weighted];
}

/** Last forecast per series with the fingerprint of its inputs; least recently used goes first. */
function forecastCache(maxEntries: number) {
  const entries = new Map<string, { fingerprint: string; figures: ForecastFigures | null }>();
  return {
    get(key: string, fingerprint: string): ForecastFigures | null | undefined {
      const entry = entries.get(key);
      if (entry?.fingerprint !== fingerprint) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.figures;
    },
    set(key: string, fingerprint: string, figures: ForecastFigures | null): void {
      entries.delete(key);
      entries.set(key, { fingerprint, figures });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
  };
}
