import type { Decider } from '../decider.ts';
import type { TaxCommand } from './commands.ts';
import { decideTax } from './decide.ts';
import type { TaxEvent } from './events.ts';
import { initialTaxState, type TaxState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export { isTaxEvent, taxEventTypes, taxRoundings } from './events.ts';
export { computeTax, rateOf, taxRegionFor } from './compute.ts';
export type { LineTax, TaxableLine, TaxResult } from './compute.ts';

function evolveTax(state: TaxState, event: TaxEvent): TaxState {
  switch (event.type) {
    case 'TaxRegionSet':
      return { ...state, regions: { ...state.regions, [event.data.region.regionId]: event.data.region } };
    case 'TaxRegionRemoved': {
      const { [event.data.regionId]: _removed, ...regions } = state.regions;
      return { ...state, regions };
    }
    case 'TaxRoundingSet':
      return { ...state, rounding: event.data.rounding };
  }
}

/** Stream `tax-shop` (see `taxConfigStream`): the built-in tax table. */
export const taxDecider: Decider<TaxCommand, TaxEvent, TaxState> = {
  decide: decideTax,
  evolve: evolveTax,
  initialState: initialTaxState,
};
