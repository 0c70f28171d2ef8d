import type { ArchiveResult, EventArchive } from '../../../ports/event-archive.ts';
import type { SqlClient } from '../../sql/sql-client.ts';

/** The event log's last event per stream in the hot table (qm_streams holds each stream's last revision). */
const LAST_HOT_EVENT = `qm_streams s join qm_events e on e.stream = s.stream and e.revision = s.revision`;

/**
 * `EventArchive` on the SQL event store (migration 0017): streams move from `qm_events` to
 * `qm_events_archive` with their positions, commit ids and revisions, and every read of the store
 * goes through `qm_event_log`, the union of both.
 */
export function createSqlEventArchive(client: SqlClient): EventArchive {
  return {
    async quietStreams({ category, before, after, limit }) {
      const rows = await client.query<{ stream: string }>(
        `select s.stream from ${LAST_HOT_EVENT}
         where s.stream like $1 and s.stream > $2 and e.recorded_at < $3
         order by s.stream limit $4`,
        [`${category}-%`, after ?? '', before.toISOString(), limit],
      );
      return rows.map((row) => row.stream);
    },

    async archive(streams, before): Promise<ArchiveResult> {
      if (streams.length === 0) return { streams: [], events: 0 };
      return client.transaction(async (tx) => {
        // Locking the streams' revision rows makes an append to one of them wait for this move
        // (appends compare-and-set that row), and the check below then sees every event it must.
        const still = await tx.query<{ stream: string }>(
          `select s.stream from qm_streams s where s.stream = any($1::text[])
             and not exists (select 1 from qm_events e where e.stream = s.stream and e.recorded_at >= $2)
           order by s.stream for update of s`,
          [streams, before.toISOString()],
        );
        const quiet = still.map((row) => row.stream);
        if (quiet.length === 0) return { streams: [], events: 0 };
        const [moved] = await tx.query<{ n: string }>(
          `with moved as (
             delete from qm_events where stream = any($1::text[])
             returning position, tx_id, event_id, stream, revision, type, data, metadata, recorded_at)
           , kept as (
             insert into qm_events_archive (position, tx_id, event_id, stream, revision, type, data, metadata, recorded_at)
             select position, tx_id, event_id, stream, revision, type, data, metadata, recorded_at from moved
             returning 1)
           select count(*)::text as n from kept`,
          [quiet],
        );
        return { streams: quiet, events: Number(moved!.n) };
      });
    },

    async sizes() {
      const [row] = await client.query<{ hot: string; archived: string }>(
        `select (select count(*) from qm_events)::text as hot, (select count(*) from qm_events_archive)::text as archived`,
      );
      return { hot: Number(row!.hot), archived: Number(row!.archived) };
    },
  };
}
