import { randomBytes } from 'node:crypto';
import type { EventMetadata, JsonObject, NewEvent } from '../../../ports/event-store.ts';
import { newEventId } from '../new-event-id.ts';

/** A category no other test uses, so tests can share one database and still filter the global log to their own events. */
export function uniqueCategory(): string {
  return `t${randomBytes(6).toString('hex')}`;
}

export function metadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actor: { id: 'tester', role: 'admin' },
    correlationId: newEventId(),
    causationId: null,
    occurredAt: '2026-11-21T10:00:00.000Z',
    schemaVersion: 1,
    ...overrides,
  };
}

export function event(type = 'ThingHappened', data: JsonObject = {}): NewEvent {
  return { id: newEventId(), type, data, metadata: metadata() };
}

export function events(count: number, type = 'ThingHappened'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => event(type, { index }));
}

/**
 * Global-log readers see an append once every older transaction in the cluster has finished, which
 * can take a moment while other work runs. Polls `read` until `done` holds, failing after `timeoutMs`.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
