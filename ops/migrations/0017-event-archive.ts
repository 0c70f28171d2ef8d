import type { Migration } from '../../infra/sql/migrate.ts';

/**
 * Hot and cold storage for the event log (`qm archive`). Streams of orders closed long ago move,
 * whole, from `qm_events` to `qm_events_archive` with every column kept (their positions, commit
 * ids and revisions), so the hot table and its indexes stay the size of the shop's recent
 * business while nothing is lost. Every read goes through `qm_event_log`, the union of both:
 * stream reads, the global log (replays, rebuilds, time travel) and the idempotent-retry lookup
 * see archived events where they were. PostgreSQL flattens the UNION ALL into an append of both
 * tables, so an ordered read walks both indexes in a merge and stops at its page; the cold table
 * costs an empty index probe on the hot path.
 *
 * An archived stream stays appendable: its revision is in `qm_streams`, which is not moved, and a
 * late event (a refund months later) lands in the hot table after the archived ones.
 */
export const eventArchive: Migration = {
  id: '0017-event-archive',
  up: `
    create table qm_events_archive (
      position bigint primary key,
      tx_id xid8 not null,
      event_id uuid not null,
      stream text not null,
      category text not null generated always as (split_part(stream, '-', 1)) stored,
      revision bigint not null,
      type text not null,
      data jsonb not null,
      metadata jsonb not null,
      recorded_at timestamptz not null,
      archived_at timestamptz not null default now(),
      constraint qm_events_archive_event_id_key unique (event_id),
      constraint qm_events_archive_stream_revision_key unique (stream, revision)
    );
    create index qm_events_archive_global_order on qm_events_archive (tx_id, position);
    create view qm_event_log as
      select position, tx_id, event_id, stream, category, revision, type, data, metadata, recorded_at
        from qm_events
      union all
      select position, tx_id, event_id, stream, category, revision, type, data, metadata, recorded_at
        from qm_events_archive;
  `,
};
