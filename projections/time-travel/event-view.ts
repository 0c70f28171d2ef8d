import type { ActorRole, JsonValue, RecordedEvent } from '../../ports/event-store.ts';
import { positionToToken } from '../../ports/position.ts';

/** One event as the time-travel tools show it: where it is, what it says, and who did it when. */
export interface EventView {
  revision: number;
  /** Global position as a `commit:prepare` token (what `--at` accepts). */
  position: string;
  id: string;
  type: string;
  /** When the command decided it (its clock): the time `--at` compares with. */
  occurredAt: string;
  /** When the store recorded it (the database's clock). */
  recordedAt: string;
  actor: { id: string; role: ActorRole };
  correlationId: string;
  causationId: string | null;
  schemaVersion: number;
  /** Any further audit fields of the metadata (idempotency key, request id, reason...). */
  extra: Record<string, JsonValue>;
  data: Record<string, JsonValue>;
}

export function eventView(event: RecordedEvent): EventView {
  const {
    actor,
    correlationId,
    causationId,
    occurredAt: _occurredAt,
    schemaVersion,
    ...rest
  } = event.metadata;
  const extra = Object.fromEntries(
    Object.entries(rest).filter((entry): entry is [string, JsonValue] => entry[1] !== undefined),
  );
  return {
    revision: event.revision,
    position: positionToToken(event.position),
    id: event.id,
    type: event.type,
    occurredAt: eventTime(event).toISOString(),
    recordedAt: event.recordedAt,
    actor,
    correlationId,
    causationId,
    schemaVersion,
    extra,
    data: event.data,
  };
}

/** The event's business time: the command's `occurredAt`, else (older or foreign events) when it was recorded. */
export function eventTime(event: RecordedEvent): Date {
  const occurred = Date.parse(event.metadata.occurredAt);
  return new Date(Number.isNaN(occurred) ? event.recordedAt : occurred);
}
