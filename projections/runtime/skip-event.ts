import type { ActorRole, EventStore, Position, RecordedEvent } from '../../ports/event-store.ts';
import { comparePositions, positionToToken } from '../../ports/position.ts';
import { newEventId } from '../../infra/event-store/new-event-id.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { readGenerationCheckpoint } from './checkpoints.ts';
import { readRegistration, setStatus } from './registry.ts';
import { recordSkip } from './skips.ts';

/** The audit event `qm projection skip` appends to `projection-<name>`. */
export const PROJECTION_EVENT_SKIPPED = 'ProjectionEventSkipped';

export interface SkipRequest {
  projection: string;
  position: Position;
  reason: string;
  actor: { id: string; role: ActorRole };
  /** ISO time of the decision. */
  now: string;
}

export interface SkipOutcome {
  event: RecordedEvent;
  /** Position of the audit event in the log. */
  auditPosition: Position;
}

/** How far past the checkpoint the event to skip is looked for (it is normally the very next one). */
const SCAN_LIMIT = 100_000;
const PAGE = 1000;

/**
 * Passes one event a projector stopped on, on an operator's decision: appends
 * `ProjectionEventSkipped` {projection, position, eventId, eventType, reason} to the stream
 * `projection-<name>` with the operator as actor (the audit log), records the skip so every
 * generation passes exactly that position, and resumes the projector.
 */
export async function skipProjectionEvent(
  deps: { store: EventStore; database: SqlClient },
  request: SkipRequest,
): Promise<SkipOutcome> {
  const { store, database } = deps;
  const name = request.projection;
  const registration = await readRegistration(database, name);
  if (!registration) throw new Error(`no projection named "${name}" is registered`);
  if (request.reason.trim() === '') throw new Error('a reason is required to skip an event');
  const checkpoint = await readGenerationCheckpoint(database, name, registration.activeGeneration);
  if (checkpoint && comparePositions(request.position, checkpoint) <= 0) {
    throw new Error(
      `position ${positionToToken(request.position)} is at or before ${name}'s checkpoint ` +
        `${positionToToken(checkpoint)}: already applied, nothing to skip`,
    );
  }
  const event = await findEvent(store, checkpoint, request.position);
  const token = positionToToken(event.position);
  const appended = await store.append(
    `projection-${name}`,
    [
      {
        id: newEventId(),
        type: PROJECTION_EVENT_SKIPPED,
        data: {
          projection: name,
          position: token,
          eventId: event.id,
          eventType: event.type,
          reason: request.reason,
        },
        metadata: {
          actor: request.actor,
          correlationId: newEventId(),
          causationId: event.id,
          occurredAt: request.now,
          schemaVersion: 1,
          reason: request.reason,
        },
      },
    ],
    'any',
  );
  await database.transaction(async (tx) => {
    await recordSkip(tx, name, event.position, event.id, request.reason);
    await setStatus(tx, name, 'running', null);
  });
  return { event, auditPosition: appended.position };
}

async function findEvent(
  store: EventStore,
  from: Position | null,
  position: Position,
): Promise<RecordedEvent> {
  let cursor: Position | 'start' = from ?? 'start';
  for (let scanned = 0; scanned < SCAN_LIMIT; scanned += PAGE) {
    const page = await store.readAll({ from: cursor, maxCount: PAGE });
    for (const event of page) {
      const order = comparePositions(event.position, position);
      if (order === 0) return event;
      if (order > 0) break;
    }
    const last = page.at(-1);
    if (page.length < PAGE || !last || comparePositions(last.position, position) >= 0) break;
    cursor = last.position;
  }
  throw new Error(
    `no event at position ${positionToToken(position)} (see the error in qm projection status)`,
  );
}
