import type { ActorRole, EventMetadata, JsonValue } from '../../ports/event-store.ts';

/**
 * Who is asking, on behalf of which request, and when: what every event's metadata records, so
 * the store answers "who changed what, when, and why".
 */
export interface CommandContext {
  actor: { id: string; role: ActorRole };
  /** Ties together every event caused by one request (and its follow-ups). */
  correlationId: string;
  /** The event or request that caused this command, when there is one. */
  causationId: string | null;
  /** ISO time of the decision; comes from the clock port, never from the database. */
  now: string;
  /** Extra audit fields: idempotency key, request id... */
  extra?: Record<string, JsonValue>;
  /**
   * An earlier run of the same request (same idempotency key) died mid-request and may have
   * appended: the command first looks for the events that carry the key, and answers those instead
   * of deciding again (see `request-events.ts`). Not recorded in the metadata.
   */
  resumed?: boolean;
}

export const SCHEMA_VERSION = 1;

export function metadataFor(context: CommandContext): EventMetadata {
  return {
    ...context.extra,
    actor: context.actor,
    correlationId: context.correlationId,
    causationId: context.causationId,
    occurredAt: context.now,
    schemaVersion: SCHEMA_VERSION,
  };
}
