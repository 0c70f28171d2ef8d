import type { Decider } from '../decider.ts';
import type { LocationCommand } from './commands.ts';
import { decideLocation } from './decide.ts';
import type { LocationEvent } from './events.ts';
import { evolveLocation } from './evolve.ts';
import { initialLocationState, type LocationState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export { isLocationEvent, locationEventTypes } from './events.ts';

/** Stream `location-{locationId}` (see `locationStream`). */
export const locationDecider: Decider<LocationCommand, LocationEvent, LocationState> = {
  decide: decideLocation,
  evolve: evolveLocation,
  initialState: initialLocationState,
};
