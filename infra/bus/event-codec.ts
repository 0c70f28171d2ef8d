import type { RecordedEvent } from '../../ports/event-store.ts';
import { parsePositionToken, positionToToken } from '../../ports/position.ts';

/**
 * The wire form of an event on the bus: the recorded event as JSON, its position as the text token
 * (JSON has no bigint). Consumers get back exactly what the store recorded.
 */
export function encodeEvent(event: RecordedEvent): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ ...event, position: positionToToken(event.position) }));
}

export class UndecodableMessage extends Error {
  override name = 'UndecodableMessage';
}

export function decodeEvent(bytes: Uint8Array): RecordedEvent {
  const raw = JSON.parse(new TextDecoder().decode(bytes)) as Omit<RecordedEvent, 'position'> & {
    position: unknown;
  };
  const position = typeof raw.position === 'string' ? parsePositionToken(raw.position) : null;
  if (position === null || typeof raw.id !== 'string' || typeof raw.type !== 'string') {
    throw new UndecodableMessage('bus message is not an encoded event (id, type, position)');
  }
  return { ...raw, position };
}
