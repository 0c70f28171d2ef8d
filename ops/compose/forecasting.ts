import type { CommandContext, CommandHandlers, CommandResult } from '../../commands/command-handlers.ts';
import { systemClock, type Clock } from '../../ports/clock.ts';
import { startForecastingConsumer } from '../../consumers/forecasting/forecasting-consumer.ts';
import type {
  CommandCause,
  ReplenishmentCommands,
} from '../../consumers/forecasting/replenishment-commands.ts';
import type { ForecastSettings } from '../../consumers/forecasting/series-forecast.ts';
import type { EventBus, RunningConsumer } from '../../infra/bus/event-bus.ts';
import type { Config } from '../../infra/config/config.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';

/** The actor every forecasting event records: a process, not a person. */
export const forecastingActor = { id: 'forecasting', role: 'system' } as const;

/**
 * The consumer's command port, wired to the replenishment handlers. Each command records the
 * event that caused it (causation) under that event's correlation id.
 */
export function replenishmentCommandsFrom(
  handlers: Pick<CommandHandlers, 'recordForecast' | 'reviewReplenishment'>,
  clock: Clock = systemClock,
): ReplenishmentCommands {
  const context = (cause: CommandCause): CommandContext => ({
    actor: forecastingActor,
    correlationId: cause.correlationId,
    causationId: cause.eventId,
    now: clock.now().toISOString(),
  });
  const recorded = (result: CommandResult) => ({ recorded: result.events.map((event) => event.type) });
  return {
    recordForecast: async (figures, cause) =>
      recorded(await handlers.recordForecast(figures, context(cause))),
    reviewReplenishment: async (series, cause) =>
      recorded(await handlers.reviewReplenishment(series, context(cause))),
  };
}

export function forecastSettingsFrom(config: Config): ForecastSettings {
  return {
    leadTimeDays: config.QM_LEAD_TIME_DAYS,
    serviceLevel: config.QM_SERVICE_LEVEL,
    reviewPeriodDays: config.QM_REVIEW_PERIOD_DAYS,
    historyDays: 365,
  };
}

export interface ForecastingDeps {
  config: Config;
  bus: EventBus;
  /** The database with migration 0007 applied (the read-model database). */
  database: SqlClient;
  /** The write side's handlers (`openWriteSide(...).handlers`). */
  handlers: Pick<CommandHandlers, 'recordForecast' | 'reviewReplenishment'>;
  log: Logger;
  clock?: Clock;
}

/** Starts the forecasting consumer on the given bus; `stop()` on the result ends it. */
export function startForecasting(deps: ForecastingDeps): Promise<RunningConsumer> {
  return startForecastingConsumer({
    bus: deps.bus,
    sql: deps.database,
    commands: replenishmentCommandsFrom(deps.handlers, deps.clock),
    settings: forecastSettingsFrom(deps.config),
    log: deps.log,
    ...(deps.config.NATS_SUBJECT_PREFIX ? { subjectPrefix: deps.config.NATS_SUBJECT_PREFIX } : {}),
  });
}
