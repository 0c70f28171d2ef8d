import { randomUUID } from 'node:crypto';
import type { JsonObject, RecordedEvent } from '../../../ports/event-store.ts';

let position = 0n;

/** A recorded event for bus tests, with a fresh id and the next position. */
export function testEvent(stream: string, type: string, data: JsonObject = {}): RecordedEvent {
  position += 1n;
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      actor: { id: 'test', role: 'system' },
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
    stream,
    revision: 0,
    position: { commit: position, prepare: position },
    recordedAt: new Date().toISOString(),
  };
}
