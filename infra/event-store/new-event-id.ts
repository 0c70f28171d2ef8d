import { v7 as uuidv7 } from 'uuid';

/** A UUIDv7: unique, and sortable by creation time, so ids read in roughly the order events were made. */
export function newEventId(): string {
  return uuidv7();
}
