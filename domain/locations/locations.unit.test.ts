import { describe, expect, it } from 'vitest';
import { AlreadyExists, NoChange, ValidationFailed } from '../errors.ts';
import { LocationNotFound } from './errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { isLocationEvent, locationDecider, locationEventTypes, type LocationCreated } from './index.ts';

const given = specFor(locationDecider);
const created: LocationCreated = {
  type: 'LocationCreated',
  data: { locationId: 'berlin', name: 'Berlin DC' },
};
const rename = (name: string) => ({ type: 'RenameLocation', data: { locationId: 'berlin', name } }) as const;

describe('CreateLocation', () => {
  it('creates a location', () => {
    given([])
      .when({ type: 'CreateLocation', data: { locationId: 'berlin', name: 'Berlin DC' } })
      .then([created]);
  });

  it('refuses to create it twice', () => {
    given([created])
      .when({ type: 'CreateLocation', data: { locationId: 'berlin', name: 'Other' } })
      .thenThrows(AlreadyExists, { aggregate: 'location', id: 'berlin' });
  });

  it('refuses an id that cannot be part of a stock stream name', () => {
    given([])
      .when({ type: 'CreateLocation', data: { locationId: 'ber@lin', name: 'Berlin' } })
      .thenThrows(ValidationFailed, { field: 'locationId' });
  });

  it('refuses a blank name', () => {
    given([])
      .when({ type: 'CreateLocation', data: { locationId: 'berlin', name: '' } })
      .thenThrows(ValidationFailed, { field: 'name' });
  });
});

describe('RenameLocation', () => {
  it('renames, keeping the previous name for the audit trail', () => {
    const state = given([created])
      .when(rename('Berlin North'))
      .then([
        {
          type: 'LocationRenamed',
          data: { locationId: 'berlin', previousName: 'Berlin DC', name: 'Berlin North' },
        },
      ]);
    expect(state).toEqual({ status: 'active', locationId: 'berlin', name: 'Berlin North' });
  });

  it('refuses a missing location', () => {
    given([]).when(rename('X')).thenThrows(LocationNotFound, { locationId: 'berlin' });
  });

  it('refuses the same name', () => {
    given([created]).when(rename('Berlin DC')).thenThrows(NoChange, { field: 'name' });
  });

  it('refuses a blank name', () => {
    given([created]).when(rename(' ')).thenThrows(ValidationFailed, { field: 'name' });
  });
});

it('lists its event types', () => {
  expect(locationEventTypes).toEqual(['LocationCreated', 'LocationRenamed']);
  expect(isLocationEvent({ type: 'LocationRenamed' })).toBe(true);
  expect(isLocationEvent({ type: 'toString' })).toBe(false);
});
