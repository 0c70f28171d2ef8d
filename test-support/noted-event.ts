import { uuidV7Ids } from '../infra/ids/uuid-v7-ids.ts';
import type { NewEvent } from '../ports/event-store.ts';

/**
 * An event no read model folds (type `Noted` unless given), for tests that append to the store
 * directly, outside the command handlers.
 */
export function notedEvent(type = 'Noted', occurredAt = new Date().toISOString()): NewEvent {
  return {
    id: uuidV7Ids.newId(),
    type,
    data: {},
    metadata: {
      actor: { id: 'system-1', role: 'system' },
      correlationId: uuidV7Ids.newId(),
      causationId: null,
      occurredAt,
      schemaVersion: 1,
    },
  };
}
