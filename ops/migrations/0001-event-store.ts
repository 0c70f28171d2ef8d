import type { Migration } from '../../infra/sql/migrate.ts';

/**
 * The event store on PostgreSQL and PGlite (one schema for both).
 *
 * Global order is (tx_id, position), not position alone: a sequence number is taken when a row is
 * inserted, but rows become visible when their transaction commits, so a plain `position > x` reader
 * would skip a slow transaction's rows. Readers only see rows whose transaction id is below the
 * oldest transaction still running (`pg_snapshot_xmin`), which makes the visible log a prefix.
 */
export const eventStoreSchema: Migration = {
  id: '0001-event-store',
  up: `
    create table qm_events (
      position bigint generated always as identity primary key,
      tx_id xid8 not null default pg_current_xact_id(),
      event_id uuid not null,
      stream text not null,
      category text not null generated always as (split_part(stream, '-', 1)) stored,
      revision bigint not null,
      type text not null,
      data jsonb not null,
      metadata jsonb not null,
      recorded_at timestamptz not null default clock_timestamp(),
      constraint qm_events_event_id_key unique (event_id),
      constraint qm_events_stream_revision_key unique (stream, revision)
    );
    create index qm_events_global_order on qm_events (tx_id, position);
    -- One row per stream: its last revision. Appends compare-and-set it, which is what serialises
    -- writers of one stream (row lock) while writers of different streams never wait for each other.
    -- Room left in each page (fillfactor) lets every revision bump be a HOT update: the new row
    -- version stays in its page and the primary key index is not written on every append.
    create table qm_streams (
      stream text primary key,
      revision bigint not null
    ) with (fillfactor = 50);
  `,
};
