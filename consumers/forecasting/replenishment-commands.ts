import type { RecalculateReorderPoint } from '../../domain/replenishment/index.ts';

/** A forecast's figures; the command side adds the availability it reads from the stock stream. */
export type ForecastFigures = Omit<RecalculateReorderPoint['data'], 'available'>;

/** The event that caused a command: its causation and correlation in the audit metadata. */
export interface CommandCause {
  eventId: string;
  correlationId: string;
}

/**
 * The port through which the forecasting consumer records its results on the command side, so
 * every reorder point and suggestion is an audited event like any other change. `consumers/` may
 * not import `commands/`: the composition root (ops/compose/forecasting.ts) wires this to the
 * replenishment command handlers. Domain refusals (`DomainError`) are thrown as they are.
 */
export interface ReplenishmentCommands {
  /** Records new targets when they changed materially, then reviews availability against them. */
  recordForecast(figures: ForecastFigures, cause: CommandCause): Promise<{ recorded: string[] }>;
  /** Reviews availability against the recorded targets (stock arrived or was counted). */
  reviewReplenishment(
    series: { sku: string; location: string },
    cause: CommandCause,
  ): Promise<{ recorded: string[] }>;
}
