import { sql, type Kysely } from 'kysely';
import { runDdl } from '../ddl.ts';
import type { AuditDatabase } from './tables.ts';

/** Creates the audit tables, indexed for the three ways staff query them: by actor, entity, time. */
export async function setupAudit(db: Kysely<AuditDatabase>, schema: string): Promise<void> {
  await runDdl(db as Kysely<unknown>, schema, (t) => [
    sql`create table ${t('audit_entries')} (
      event_id text primary key,
      position_commit bigint not null,
      position_prepare bigint not null,
      at timestamptz not null,
      actor_id text not null,
      actor_role text not null,
      entity_type text not null,
      entity_id text not null,
      stream text not null,
      event_type text not null,
      before json,
      after json,
      reason text,
      correlation_id text not null,
      data json not null
    )`,
    sql`create index audit_by_time_idx on ${t('audit_entries')} (at desc, position_commit desc, position_prepare desc)`,
    sql`create index audit_by_actor_idx on ${t('audit_entries')} (actor_id, at desc)`,
    sql`create index audit_by_entity_idx on ${t('audit_entries')} (entity_type, entity_id, at desc)`,
    sql`create table ${t('audit_entity_state')} (
      stream text primary key,
      state json not null
    )`,
  ]);
}
