/** The audit read model's query, as the read API serves it (Kysely scoped to the live generation's schema). */
import type { Kysely } from 'kysely';
import { isoTime } from '../batch-write.ts';
import type { AuditDatabase } from './tables.ts';

/** Where the previous audit page ended: its last entry's time and log position. */
export interface AuditKeyset {
  at: string;
  commit: string;
  prepare: string;
}

export interface AuditQuery {
  actorId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** Inclusive. */
  from?: string | undefined;
  /** Exclusive. */
  to?: string | undefined;
  /** Entries strictly older than this one. */
  after?: AuditKeyset | undefined;
  limit: number;
}

/** Audit entries, newest first, by actor, entity and time range, paged by keyset. */
export async function auditEntries(db: Kysely<AuditDatabase>, request: AuditQuery) {
  const { after, limit } = request;
  let q = db.selectFrom('audit_entries').selectAll();
  if (request.actorId !== undefined) q = q.where('actor_id', '=', request.actorId);
  if (request.entityType !== undefined) q = q.where('entity_type', '=', request.entityType);
  if (request.entityId !== undefined) q = q.where('entity_id', '=', request.entityId);
  if (request.from !== undefined) q = q.where('at', '>=', new Date(request.from));
  if (request.to !== undefined) q = q.where('at', '<', new Date(request.to));
  if (after !== undefined) {
    q = q.where((eb) =>
      eb(
        eb.refTuple('at', 'position_commit', 'position_prepare'),
        '<',
        eb.tuple(new Date(after.at), after.commit, after.prepare),
      ),
    );
  }
  // One more than the page: whether a next page exists.
  const rows = await q
    .orderBy('at', 'desc')
    .orderBy('position_commit', 'desc')
    .orderBy('position_prepare', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      eventId: r.event_id,
      at: isoTime(r.at),
      actor: { id: r.actor_id, role: r.actor_role },
      entity: { type: r.entity_type, id: r.entity_id, stream: r.stream },
      action: r.event_type,
      before: r.before,
      after: r.after,
      reason: r.reason,
      correlationId: r.correlation_id,
      position: `${r.position_commit}:${r.position_prepare}`,
    })),
    next:
      rows.length > limit && last
        ? {
            at: isoTime(last.at),
            commit: String(last.position_commit),
            prepare: String(last.position_prepare),
          }
        : null,
  };
}
