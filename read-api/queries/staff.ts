import type { Kysely } from 'kysely';
import {
  auditEntries as projectedAuditEntries,
  type AuditEntryView,
} from '../../projections/audit/queries.ts';
import type { AuditDatabase } from '../../projections/audit/tables.ts';

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
  const { after, limit, ...filters } = request;
  // One more than the page: whether a next page exists.
  const entries = await projectedAuditEntries(db, {
    ...filters,
    limit: limit + 1,
    ...(after && { before: { at: after.at, position: `${after.commit}:${after.prepare}` } }),
  });
  const page = entries.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((entry) => ({
      eventId: entry.eventId,
      at: entry.at,
      actor: entry.actor,
      entity: entry.entity,
      action: entry.eventType,
      before: entry.before,
      after: entry.after,
      reason: entry.reason,
      correlationId: entry.correlationId,
      position: entry.position,
    })),
    next: entries.length > limit && last ? keysetOf(last) : null,
  };
}

/** The keyset of the entry a page ended with: its time and its log position's two halves. */
function keysetOf(entry: AuditEntryView): AuditKeyset {
  const [commit = '0', prepare = '0'] = entry.position.split(':');
  return { at: entry.at, commit, prepare };
}
