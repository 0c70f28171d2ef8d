import type { Decider } from '../decider.ts';
import type { ReplenishmentCommand } from './commands.ts';
import { decideReplenishment } from './decide.ts';
import type { ReplenishmentEvent } from './events.ts';
import { evolveReplenishment } from './evolve.ts';
import { initialReplenishmentState, type ReplenishmentState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export { demandClasses, forecastMethods, isReplenishmentEvent, replenishmentEventTypes } from './events.ts';
export { SuggestionNotOpen } from './errors.ts';
export { changedMaterially, daysOfCover, reorderPointOf } from './stock-targets.ts';

/**
 * Stream `replenishment-{sku}@{location}` (see `replenishmentStream`): the stock targets and
 * replenishment suggestions of one SKU at one location, beside (not in) its hot stock stream.
 */
export const replenishmentDecider: Decider<ReplenishmentCommand, ReplenishmentEvent, ReplenishmentState> = {
  decide: decideReplenishment,
  evolve: evolveReplenishment,
  initialState: initialReplenishmentState,
};
