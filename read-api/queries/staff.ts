import type { Kysely } from 'kysely';
import type { AuditDatabase } from '../../projections/audit/tables.ts';

const iso = (value: Date) => new Date(value).toISOString();

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
  from?: string | undefined;
  to?: string | undefined;
  after?: AuditKeyset | undefined;
  limit: number;
}

/** Audit entries, newest first, by actor, entity and time range, paged by keyset. */
export async function auditEntries(db: Kysely<AuditDatabase>, request: AuditQuery) {
  let query = db.selectFrom('audit_entries').selectAll();
  if (request.actorId) query = query.where('actor_id', '=', request.actorId);
  if (request.entityType) query = query.where('entity_type', '=', request.entityType);
  if (request.entityId) query = query.where('entity_id', '=', request.entityId);
  if (request.from) query = query.where('at', '>=', new Date(request.from));
  if (request.to) query = query.where('at', '<', new Date(request.to));
  const { after } = request;
  if (after) {
    query = query.where((eb) =>
      eb(
        eb.refTuple('at', 'position_commit', 'position_prepare'),
        '<',
        eb.tuple(new Date(after.at) as never, after.commit, after.prepare),
      ),
    );
  }
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('position_commit', 'desc')
    .orderBy('position_prepare', 'desc')
    .limit(request.limit + 1)
    .execute();
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      eventId: row.event_id,
      at: iso(row.at),
      actor: { id: row.actor_id, role: row.actor_role },
      entity: { type: row.entity_type, id: row.entity_id, stream: row.stream },
      action: row.event_type,
      before: row.before,
      after: row.after,
      reason: row.reason,
      correlationId: row.correlation_id,
      position: `${row.position_commit}:${row.position_prepare}`,
    })),
    next:
      rows.length > request.limit && last
        ? { at: iso(last.at), commit: String(last.position_commit), prepare: String(last.position_prepare) }
        : null,
  };
}
