export type LocationCreated = { type: 'LocationCreated'; data: { locationId: string; name: string } };

export type LocationRenamed = {
  type: 'LocationRenamed';
  data: { locationId: string; previousName: string; name: string };
};

export type LocationEvent = LocationCreated | LocationRenamed;

const types: Record<LocationEvent['type'], true> = { LocationCreated: true, LocationRenamed: true };

export const locationEventTypes = Object.keys(types) as LocationEvent['type'][];

export function isLocationEvent(event: { type: string }): event is LocationEvent {
  return Object.hasOwn(types, event.type);
}
