import type { ExpectedRevision, StreamAppend } from '../../../ports/event-store.ts';

/**
 * One statement appends to several streams, all or nothing, in a single round trip (a transaction
 * of one statement per stream would hold the hot streams' row locks for 2 + N round trips).
 *
 * - `queued` takes a transaction advisory lock per stream, in byte order of the names, before
 *   anything else: two multi-stream appends over overlapping streams then queue one behind the
 *   other. Row locks alone did not do it for streams that do not exist yet: two appends creating
 *   the same new streams in different orders each waited for the other's uncommitted insert
 *   (a deadlock the concurrency test caught in CI, about one run in six).
 * - `locked` locks every existing stream row (same order) and reads their latest revisions.
 * - `chk` decides every expectation on those locked rows. Only when all hold do the updates and
 *   inserts below change anything; otherwise the statement changes nothing and answers `ok = false`
 *   with each stream's actual revision.
 * - A stream created meanwhile by someone else (invisible to this statement's snapshot) makes the
 *   plain insert of a `no_stream` row fail with a unique violation on `qm_streams_pkey`, which
 *   aborts the whole statement: the caller reports the conflict.
 * - Events are inserted in stream order then revision order, so their positions follow revisions.
 *
 * Parameters: $1 streams, $2 event counts, $3 expectation kinds, $4 exact revisions (null unless
 * exact); per event: $5 its stream's 1-based index, $6 its 1-based ordinal in that stream, $7 id,
 * $8 type, $9 data, $10 metadata (JSON text).
 * Answers one row per stream, in the given order: the new revision and the position of the
 * stream's last event (null when refused), the revision found, `ok`, and the transaction id.
 */
export const appendMultiStatement = {
  name: 'qm_append_multi',
  text: `
    with req as materialized (
      select r.stream, r.n, r.kind, r.expected, r.idx
      from unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[])
        with ordinality as r(stream, n, kind, expected, idx)
    ),
    queued as materialized (
      select pg_advisory_xact_lock(hashtextextended(o.stream, 0))
      from (select stream from req order by stream collate "C") o
    ),
    locked as materialized (
      select q.stream, q.revision from qm_streams q
      where q.stream = any($1::text[]) and (select count(*) from queued) >= 0
      order by q.stream collate "C"
      for update
    ),
    chk as materialized (
      select coalesce(bool_and(case r.kind
          when 'any' then true
          when 'no_stream' then l.stream is null
          when 'stream_exists' then l.stream is not null
          else coalesce(l.revision = r.expected, false) end), false) as ok
      from req r left join locked l on l.stream = r.stream
    ),
    upd as (
      update qm_streams q set revision = q.revision + r.n
      from req r
      where q.stream = r.stream and (select ok from chk)
        and exists (select 1 from locked l where l.stream = r.stream)
      returning q.stream, q.revision
    ),
    created_any as (
      insert into qm_streams (stream, revision)
      select r.stream, r.n - 1 from req r
      where (select ok from chk) and r.kind = 'any'
        and not exists (select 1 from locked l where l.stream = r.stream)
      on conflict (stream) do update set revision = qm_streams.revision + excluded.revision + 1
      returning stream, revision
    ),
    created as (
      insert into qm_streams (stream, revision)
      select r.stream, r.n - 1 from req r
      where (select ok from chk) and r.kind <> 'any'
        and not exists (select 1 from locked l where l.stream = r.stream)
      returning stream, revision
    ),
    s as (
      select stream, revision from upd
      union all select stream, revision from created_any
      union all select stream, revision from created
    ),
    e as (
      insert into qm_events (event_id, stream, revision, type, data, metadata)
      select x.id, r.stream, s.revision - r.n + x.ord, x.type, x.data::jsonb, x.meta::jsonb
      from unnest($5::bigint[], $6::bigint[], $7::uuid[], $8::text[], $9::text[], $10::text[])
          as x(si, ord, id, type, data, meta)
        join req r on r.idx = x.si
        join s on s.stream = r.stream
      order by x.si, x.ord
      returning stream, position
    )
    select r.stream,
           s.revision::text as revision,
           (select max(e.position) from e where e.stream = r.stream)::text as position,
           l.revision::text as actual,
           (select ok from chk) as ok,
           pg_current_xact_id()::text as tx
    from req r
      left join s on s.stream = r.stream
      left join locked l on l.stream = r.stream
    order by r.idx`,
} as const;

export interface AppendMultiRow {
  stream: string;
  revision: string | null;
  position: string | null;
  actual: string | null;
  ok: boolean;
  tx: string;
}

/** Parameters in the order `appendMultiStatement` expects. */
export function appendMultiParams(appends: readonly StreamAppend[]): unknown[] {
  const kind = (expected: ExpectedRevision) => (typeof expected === 'number' ? 'exact' : expected);
  const events = appends.flatMap((append, index) =>
    append.events.map((event, ord) => ({ si: index + 1, ord: ord + 1, event })),
  );
  return [
    appends.map((append) => append.stream),
    appends.map((append) => append.events.length),
    appends.map((append) => kind(append.expected)),
    appends.map((append) => (typeof append.expected === 'number' ? append.expected : null)),
    events.map((e) => e.si),
    events.map((e) => e.ord),
    events.map((e) => e.event.id),
    events.map((e) => e.event.type),
    events.map((e) => JSON.stringify(e.event.data)),
    events.map((e) => JSON.stringify(e.event.metadata)),
  ];
}

/** Whether `expected` holds for a stream whose last revision is `actual` (null: no such stream). */
export function expectationHolds(expected: ExpectedRevision, actual: number | null): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === null;
  if (expected === 'stream_exists') return actual !== null;
  return actual === expected;
}
