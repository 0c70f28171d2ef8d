/** Read functions over the audit read model (Kysely scoped to the live generation's schema). */
import type { Kysely } from 'kysely';
import type { JsonObject } from '../../commands/ports/event-store.ts';
import { isoTime } from '../batch-write.ts';
import type { AuditDatabase } from './tables.ts';

export type AuditEntryView = {
  eventId: string;
  position: string;
  at: string;
  actor: { id: string; role: string };
  entity: { type: string; id: string; stream: string };
  eventType: string;
  before: JsonObject | null;
  after: JsonObject | null;
  reason: string | null;
  correlationId: string;
  data: JsonObject;
};

export interface AuditQuery {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  /** Inclusive. */
  from?: string;
  /** Exclusive. */
  to?: string;
  limit?: number;
  /** Keyset: entries strictly older than this one (its `at` and `position`). */
  before?: { at: string; position: string };
}

/** Audit entries, newest first, filtered by actor, entity and time range; keyset-paged. */
export async function auditEntries(
  db: Kysely<AuditDatabase>,
  query: AuditQuery = {},
): Promise<AuditEntryView[]> {
  let q = db.selectFrom('audit_entries').selectAll();
  if (query.actorId !== undefined) q = q.where('actor_id', '=', query.actorId);
  if (query.entityType !== undefined) q = q.where('entity_type', '=', query.entityType);
  if (query.entityId !== undefined) q = q.where('entity_id', '=', query.entityId);
  if (query.from !== undefined) q = q.where('at', '>=', new Date(query.from));
  if (query.to !== undefined) q = q.where('at', '<', new Date(query.to));
  const cursor = query.before;
  if (cursor !== undefined) {
    const [commit, prepare] = cursor.position.split(':');
    q = q.where((eb) =>
      eb(
        eb.refTuple('at', 'position_commit', 'position_prepare'),
        '<',
        eb.tuple(new Date(cursor.at), commit ?? '0', prepare ?? '0'),
      ),
    );
  }
  const rows = await q
    .orderBy('at', 'desc')
    .orderBy('position_commit', 'desc')
    .orderBy('position_prepare', 'desc')
    .limit(query.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    eventId: r.event_id,
    position: `${r.position_commit}:${r.position_prepare}`,
    at: isoTime(r.at),
    actor: { id: r.actor_id, role: r.actor_role },
    entity: { type: r.entity_type, id: r.entity_id, stream: r.stream },
    eventType: r.event_type,
    before: r.before,
    after: r.after,
    reason: r.reason,
    correlationId: r.correlation_id,
    data: r.data,
  }));
}
