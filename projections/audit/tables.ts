/**
 * The audit read model's tables (schema `rm_audit_g<generation>`): every action by an admin or staff
 * member, and every projection skip, with before and after.
 */
import type { JsonObject, JsonValue } from '../../ports/event-store.ts';
import { col, defineTable, type DatabaseOf, type WriteRow } from '../table-declaration.ts';

export const auditEntries = defineTable({
  name: 'audit_entries',
  columns: {
    event_id: col.text(),
    /** Global log position (commit, prepare): the order entries happened in. */
    position_commit: col.bigint(),
    position_prepare: col.bigint(),
    at: col.timestamptz(),
    actor_id: col.text(),
    actor_role: col.text(),
    /** `product`, `stock`, `order`, `location`, `projection`: the stream's category. */
    entity_type: col.text(),
    /** The stream name without its category (`p-1`, `SKU@berlin`, the projection name). */
    entity_id: col.text(),
    stream: col.text(),
    event_type: col.text(),
    /** The values the action replaced (null when nothing was there or nothing is tracked). */
    before: col.json<JsonObject>().nullable(),
    after: col.json<JsonObject>().nullable(),
    reason: col.text().nullable(),
    correlation_id: col.text(),
    /** The whole event data, for anything before/after leaves out. */
    data: col.json<JsonObject>(),
  },
  primaryKey: ['event_id'],
  // The three ways staff query them: by time, actor, entity.
  indexes: [
    { name: 'audit_by_time_idx', on: ['at desc', 'position_commit desc', 'position_prepare desc'] },
    { name: 'audit_by_actor_idx', on: ['actor_id', 'at desc'] },
    { name: 'audit_by_entity_idx', on: ['entity_type', 'entity_id', 'at desc'] },
  ],
});

/**
 * The little per-entity state the audit keeps to know "before" (a product's details and price, a
 * stock level's on-hand and threshold). Internal to the projection.
 */
export const auditEntityState = defineTable({
  name: 'audit_entity_state',
  columns: {
    stream: col.text(),
    state: col.json<{ [key: string]: JsonValue }>(),
  },
  primaryKey: ['stream'],
});

export const auditTables = [auditEntries, auditEntityState] as const;

export type AuditDatabase = DatabaseOf<typeof auditTables>;
export type AuditEntryRow = WriteRow<typeof auditEntries>;
