import { assertNever } from '../assert-never.ts';
import type { LocationEvent } from './events.ts';
import type { LocationState } from './state.ts';

export function evolveLocation(state: LocationState, event: LocationEvent): LocationState {
  switch (event.type) {
    case 'LocationCreated':
      if (state.status !== 'absent') return state;
      return { status: 'active', locationId: event.data.locationId, name: event.data.name };
    case 'LocationRenamed':
      if (state.status !== 'active') return state;
      return { ...state, name: event.data.name };
    default:
      return assertNever(event);
  }
}
