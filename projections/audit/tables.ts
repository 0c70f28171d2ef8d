/**
 * The audit read model's tables (schema `rm_audit_g<generation>`): every action by an admin or staff
 * member, and every projection skip, with before and after.
 */
import type { JsonObject, JsonValue } from '../../commands/ports/event-store.ts';
import type { Int8, Json, Timestamp } from '../column-types.ts';

export interface AuditEntriesTable {
  event_id: string;
  /** Global log position (commit, prepare): the order entries happened in. */
  position_commit: Int8;
  position_prepare: Int8;
  at: Timestamp;
  actor_id: string;
  actor_role: string;
  /** `product`, `stock`, `order`, `location`, `projection`: the stream's category. */
  entity_type: string;
  /** The stream name without its category (`p-1`, `SKU@berlin`, the projection name). */
  entity_id: string;
  stream: string;
  event_type: string;
  /** The values the action replaced (null when nothing was there or nothing is tracked). */
  before: Json<JsonObject | null>;
  after: Json<JsonObject | null>;
  reason: string | null;
  correlation_id: string;
  /** The whole event data, for anything before/after leaves out. */
  data: Json<JsonObject>;
}

/**
 * The little per-entity state the audit keeps to know "before" (a product's details and price, a
 * stock level's on-hand and threshold). Internal to the projection.
 */
export interface AuditEntityStateTable {
  stream: string;
  state: Json<{ [key: string]: JsonValue }>;
}

export interface AuditDatabase {
  audit_entries: AuditEntriesTable;
  audit_entity_state: AuditEntityStateTable;
}
