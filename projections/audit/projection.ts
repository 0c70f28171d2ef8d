import type { Kysely } from 'kysely';
import { productEventTypes } from '../../domain/catalog/events.ts';
import { locationEventTypes } from '../../domain/locations/events.ts';
import { orderEventTypes } from '../../domain/orders/events.ts';
import { insertRows, upsertRows, type ColumnTypes } from '../batch-write.ts';
import { cacheTags } from '../cache-tags.ts';
import type { ReadModelProjection } from '../runtime/projection.ts';
import {
  foldAudit,
  onHandEventTypes,
  PROJECTION_EVENT_SKIPPED,
  stateStreams,
  type EntityState,
} from './fold.ts';
import { setupAudit } from './setup.ts';
import type { AuditDatabase } from './tables.ts';

/**
 * Every staff and admin action, and every projection skip, with before and after. Per batch: one
 * select of the stock states it needs, one upsert of them, one insert of the entries.
 */
export function auditProjection(): ReadModelProjection<AuditDatabase> {
  return {
    name: 'audit',
    version: 1,
    filter: {
      categories: ['product', 'stock', 'order', 'location', 'projection'],
      eventTypes: [
        ...productEventTypes,
        ...locationEventTypes,
        ...orderEventTypes,
        ...onHandEventTypes,
        'LowStockThresholdSet',
        PROJECTION_EVENT_SKIPPED,
      ],
    },
    setup: setupAudit,
    async apply(db, events) {
      const states = await load(db, stateStreams(events));
      const { entries, changedStates } = foldAudit(states, events);
      await upsertRows(
        db,
        'audit_entity_state',
        ['stream'],
        { stream: 'text', state: 'jsonb' },
        changedStates.map((stream) => ({ stream, state: states.get(stream) })),
      );
      await insertRows(
        db,
        'audit_entries',
        ['event_id'],
        entryTypes,
        entries.map((e) => ({
          event_id: e.eventId,
          position_commit: e.positionCommit,
          position_prepare: e.positionPrepare,
          at: e.at,
          actor_id: e.actorId,
          actor_role: e.actorRole,
          entity_type: e.entityType,
          entity_id: e.entityId,
          stream: e.stream,
          event_type: e.eventType,
          before: e.before,
          after: e.after,
          reason: e.reason,
          correlation_id: e.correlationId,
          data: e.data,
        })),
      );
      return { invalidate: entries.length > 0 ? [cacheTags.audit] : [] };
    },
  };
}

async function load(db: Kysely<AuditDatabase>, streams: string[]): Promise<Map<string, EntityState>> {
  const states = new Map<string, EntityState>();
  if (streams.length === 0) return states;
  const rows = await db.selectFrom('audit_entity_state').selectAll().where('stream', 'in', streams).execute();
  for (const row of rows) states.set(row.stream, row.state as EntityState);
  return states;
}

const entryTypes: ColumnTypes = {
  event_id: 'text',
  position_commit: 'bigint',
  position_prepare: 'bigint',
  at: 'timestamptz',
  actor_id: 'text',
  actor_role: 'text',
  entity_type: 'text',
  entity_id: 'text',
  stream: 'text',
  event_type: 'text',
  before: 'jsonb',
  after: 'jsonb',
  reason: 'text',
  correlation_id: 'text',
  data: 'jsonb',
};
