import type { Decider } from '../decider.ts';
import type { ShippingCommand } from './commands.ts';
import { decideShipping } from './decide.ts';
import type { ShippingEvent } from './events.ts';
import { initialShippingState, type ShippingState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export { isShippingEvent, rateKinds, shippingEventTypes } from './events.ts';
export { chosenShipping, methodFee, shippingOptions, zoneFor } from './rates.ts';
export type { ShippingBasis, ShippingOption } from './rates.ts';

function evolveShipping(state: ShippingState, event: ShippingEvent): ShippingState {
  switch (event.type) {
    case 'ShippingZoneSet':
      return { zones: { ...state.zones, [event.data.zone.zoneId]: event.data.zone } };
    case 'ShippingZoneRemoved': {
      const { [event.data.zoneId]: _removed, ...zones } = state.zones;
      return { zones };
    }
  }
}

/** Stream `shipping-shop` (see `shippingConfigStream`): the shop's zones, methods and rates. */
export const shippingDecider: Decider<ShippingCommand, ShippingEvent, ShippingState> = {
  decide: decideShipping,
  evolve: evolveShipping,
  initialState: initialShippingState,
};
