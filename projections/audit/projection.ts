import { sql, type Kysely } from 'kysely';
import { productEventTypes } from '../../domain/catalog/events.ts';
import { locationEventTypes } from '../../domain/locations/events.ts';
import { orderEventTypes } from '../../domain/orders/events.ts';
import type { CustomerErased } from '../../domain/privacy/events.ts';
import { accountSecurityStream, orderStream } from '../../domain/streams.ts';
import { withErasure, erasedJson } from '../privacy/erasure.ts';
import { accountActivityCategories, accountActivityTypes, seenActivityTypes } from './account-activity.ts';
import { cacheTags } from '../cache-tags.ts';
import type { ReadModelProjection, Staged } from '../runtime/projection.ts';
import { stagedApply } from '../runtime/staged.ts';
import { createTables } from '../table-ddl.ts';
import { insert, upsert } from '../table-writes.ts';
import {
  foldAudit,
  type AuditEntryModel,
  onHandEventTypes,
  PROJECTION_EVENT_SKIPPED,
  stateStreams,
  type EntityState,
} from './fold.ts';
import {
  auditEntityState,
  auditEntries,
  auditTables,
  type AuditDatabase,
  type AuditEntryRow,
} from './tables.ts';

/**
 * Every staff and admin action, and every projection skip, with before and after. Per batch: one
 * select of the stock states it needs and does not hold yet, one upsert of them, one insert of the
 * entries.
 */
export function auditProjection(): ReadModelProjection<AuditDatabase> {
  const staged: Staged<AuditDatabase, Map<string, EntityState>> = {
    empty: () => new Map(),
    size: (states) => states.size,
    load: (db, events, states) => load(db, stateStreams(events), states),
    fold(states, events) {
      const { entries, changedStates } = foldAudit(states, events);
      const writes = [
        // Streams in `changedStates` were just set in `states`.
        upsert(
          auditEntityState,
          changedStates.map((stream) => ({ stream, state: states.get(stream)! })),
        ),
        insert(auditEntries, entries.map(entryRow)),
      ];
      return { writes, effects: { invalidate: entries.length > 0 ? [cacheTags.audit] : [] } };
    },
  };
  return withErasure(
    {
      name: 'audit',
      // 3: account activity (logins, second factor, resets, sessions, staff roles); 4: an order
      // cancellation's note (personal text) no longer in `reason`.
      version: 4,
      filter: {
        categories: ['product', 'stock', 'order', 'location', 'projection', ...accountActivityCategories],
        eventTypes: [
          ...productEventTypes,
          ...locationEventTypes,
          ...orderEventTypes,
          ...onHandEventTypes,
          'LowStockThresholdSet',
          PROJECTION_EVENT_SKIPPED,
          ...accountActivityTypes,
        ],
      },
      setup: (db, schema) => createTables(db, schema, auditTables),
      staged,
      apply: stagedApply(staged),
    },
    eraseEntries,
  );
}

/**
 * Staff may place orders for a customer: their audit entries hold the order's data. The account's
 * activity holds the IP and user agent of its requests: in its `auth-{id}` stream, and in its
 * sessions' streams (found by the account id the entry's data names).
 */
async function eraseEntries(db: Kysely<AuditDatabase>, erasure: CustomerErased['data']): Promise<string[]> {
  if (erasure.orderIds.length > 0) {
    // The placement's address, every edit's new one, a cancellation's note.
    for (const type of ['OrderPlaced', 'OrderEdited', 'OrderCancelled']) {
      await db
        .updateTable('audit_entries')
        .set({ data: erasedJson('data', type) })
        .where('stream', 'in', erasure.orderIds.map(orderStream))
        .where('event_type', '=', type)
        .execute();
    }
  }
  for (const type of seenActivityTypes) {
    await db
      .updateTable('audit_entries')
      .set({ data: erasedJson('data', type), after: erasedJson('after', type) })
      .where('event_type', '=', type)
      .where((where) =>
        where.or([
          where('stream', '=', accountSecurityStream(erasure.customerId)),
          where(sql`data::jsonb ->> ${'accountId'}`, '=', erasure.customerId),
        ]),
      )
      .execute();
  }
  return [cacheTags.audit];
}

const entryRow = (e: AuditEntryModel): AuditEntryRow => ({
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
});

/** Adds the states of `streams` that `states` does not hold yet, as stored. */
async function load(
  db: Kysely<AuditDatabase>,
  streams: string[],
  states: Map<string, EntityState>,
): Promise<void> {
  const missing = streams.filter((stream) => !states.has(stream));
  if (missing.length === 0) return;
  const rows = await db.selectFrom('audit_entity_state').selectAll().where('stream', 'in', missing).execute();
  for (const row of rows) states.set(row.stream, row.state as EntityState);
}
