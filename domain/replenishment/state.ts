import type { ForecastMethod } from './events.ts';

/** The current stock targets: what a review compares availability with. */
export type Targets = {
  reorderPoint: number;
  orderUpTo: number;
  expectedDailyDemand: number;
  leadTimeDays: number;
  serviceLevel: number;
  method: ForecastMethod;
};

export type OpenSuggestion = { suggestionId: string; quantity: number };

export type Policy = { leadTimeDays: number | null; serviceLevel: number | null };

export type ReplenishmentLevels = {
  sku: string;
  location: string;
  policy: Policy;
  targets: Targets | null;
  open: OpenSuggestion | null;
  /** A person dismissed the last suggestion: none is made again until the targets are recalculated. */
  dismissed: boolean;
};

/** `untracked`: no event yet (no forecast, no policy). */
export type ReplenishmentState = { status: 'untracked' } | ({ status: 'tracked' } & ReplenishmentLevels);

export const initialReplenishmentState = (): ReplenishmentState => ({ status: 'untracked' });

export function replenishmentLevels(
  state: ReplenishmentState,
  sku: string,
  location: string,
): ReplenishmentLevels {
  if (state.status === 'tracked') return state;
  return {
    sku,
    location,
    policy: { leadTimeDays: null, serviceLevel: null },
    targets: null,
    open: null,
    dismissed: false,
  };
}
