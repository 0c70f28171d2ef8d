import { assertNever } from '../assert-never.ts';
import { AlreadyExists, NoChange } from '../errors.ts';
import { LocationNotFound } from './errors.ts';
import { requireKey, requireText } from '../validation.ts';
import type { LocationCommand } from './commands.ts';
import type { LocationEvent } from './events.ts';
import type { LocationState } from './state.ts';

export function decideLocation(command: LocationCommand, state: LocationState): LocationEvent[] {
  switch (command.type) {
    case 'CreateLocation': {
      const { locationId, name } = command.data;
      if (state.status !== 'absent') throw new AlreadyExists({ aggregate: 'location', id: locationId });
      requireKey('locationId', locationId);
      requireText('name', name);
      return [{ type: 'LocationCreated', data: { locationId, name } }];
    }
    case 'RenameLocation': {
      const { locationId, name } = command.data;
      if (state.status === 'absent') throw new LocationNotFound(locationId);
      requireText('name', name);
      if (name === state.name) throw new NoChange({ aggregate: 'location', id: locationId, field: 'name' });
      return [{ type: 'LocationRenamed', data: { locationId, previousName: state.name, name } }];
    }
    default:
      return assertNever(command);
  }
}
