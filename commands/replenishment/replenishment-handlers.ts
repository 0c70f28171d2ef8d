import { LocationNotFound } from '../../domain/locations/errors.ts';
import { stockDecider, type InventoryEvent, type StockState } from '../../domain/inventory/index.ts';
import {
  replenishmentDecider,
  type DismissReplenishmentSuggestion,
  type RecalculateReorderPoint,
  type ReplenishmentCommand,
  type SetReplenishmentPolicy,
} from '../../domain/replenishment/index.ts';
import { replenishmentStream, stockStream } from '../../domain/streams.ts';
import type { LocationDirectory } from '../locations/location-directory.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { pinnedTo, toResult, type CommandResult } from '../runtime/command-result.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';

/** A forecast's figures as the forecasting consumer sends them; availability is read here. */
export type ForecastFigures = Omit<RecalculateReorderPoint['data'], 'available'>;
export type ReplenishmentPolicyInput = SetReplenishmentPolicy['data'];
export type DismissSuggestionInput = DismissReplenishmentSuggestion['data'];

/**
 * Replenishment commands on `replenishment-{sku}@{location}`. The forecasting consumer records its
 * forecasts through `recordForecast` (so every reorder point and suggestion is an audited event);
 * admins set per-SKU policies and dismiss suggestions.
 */
export function replenishmentHandlers(runtime: CommandRuntime, locations: LocationDirectory) {
  const requireLocation = (location: string) => {
    if (!locations.list().includes(location)) throw new LocationNotFound(location);
  };
  const run = async (
    command: ReplenishmentCommand | ReplenishmentCommand[],
    at: { sku: string; location: string },
    context: CommandContext,
    ifMatch?: number,
  ): Promise<CommandResult> => {
    requireLocation(at.location);
    const stream = replenishmentStream(at.sku, at.location);
    return toResult(
      await handleCommand(runtime, replenishmentDecider, stream, command, context, pinnedTo(ifMatch)),
    );
  };

  /**
   * What can still be sold without new stock: on hand − reserved − backordered (a backorder is
   * demand already promised). Read from the stock stream itself, not a read model, so a suggestion
   * never rests on a lagging view; the state cache keeps this to the events since the last look.
   */
  const availableAt = async (sku: string, location: string): Promise<number> => {
    const { state } = await loadAggregate<InventoryEvent, StockState>(
      runtime.store,
      stockDecider,
      stockStream(sku, location),
      runtime.cache,
      false,
    );
    return state.status === 'tracked' ? state.onHand - state.reserved - state.backordered : 0;
  };

  const review = (sku: string, location: string, available: number, now: string): ReplenishmentCommand => ({
    type: 'ReviewReplenishment',
    data: { sku, location, available, suggestionId: runtime.ids.newId(), now },
  });

  return {
    /** New targets from a forecast (recorded when they changed materially), then a review of availability. */
    async recordForecast(figures: ForecastFigures, context: CommandContext): Promise<CommandResult> {
      const { sku, location } = figures;
      const available = await availableAt(sku, location);
      return run(
        [
          { type: 'RecalculateReorderPoint', data: { ...figures, available } },
          review(sku, location, available, context.now),
        ],
        figures,
        context,
      );
    },
    /** Compares availability with the recorded reorder point (after a receipt, a count...). */
    async reviewReplenishment(at: { sku: string; location: string }, context: CommandContext) {
      const available = await availableAt(at.sku, at.location);
      return run(review(at.sku, at.location, available, context.now), at, context);
    },
    setReplenishmentPolicy: (data: ReplenishmentPolicyInput, context: CommandContext, ifMatch?: number) =>
      run({ type: 'SetReplenishmentPolicy', data }, data, context, ifMatch),
    dismissReplenishmentSuggestion: (
      data: DismissSuggestionInput,
      context: CommandContext,
      ifMatch?: number,
    ) => run({ type: 'DismissReplenishmentSuggestion', data }, data, context, ifMatch),
  };
}
