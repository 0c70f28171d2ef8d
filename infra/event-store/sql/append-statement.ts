import type { ExpectedRevision } from '../../../ports/event-store.ts';

/**
 * The compare-and-set on the stream's row for each kind of expected revision. Each returns the
 * stream's new last revision, or no row when the expectation does not hold; then nothing is inserted.
 * $1 = stream, $2 = number of events, $7 = exact expected revision.
 */
const streamStep = {
  any: `insert into qm_streams (stream, revision) values ($1, $2::bigint - 1)
        on conflict (stream) do update set revision = qm_streams.revision + $2::bigint
        returning revision`,
  no_stream: `insert into qm_streams (stream, revision) values ($1, $2::bigint - 1)
        on conflict (stream) do nothing
        returning revision`,
  stream_exists: `update qm_streams set revision = revision + $2::bigint where stream = $1 returning revision`,
  exact: `update qm_streams set revision = revision + $2::bigint where stream = $1 and revision = $7::bigint
        returning revision`,
} as const;

type StepKind = keyof typeof streamStep;

const kindOf = (expected: ExpectedRevision): StepKind => (typeof expected === 'number' ? 'exact' : expected);

/**
 * One statement appends a whole batch to one stream: the stream's compare-and-set and the event rows
 * commit together, in a single round trip, with the events unnested from arrays.
 * Returns one row: the new revision and position, both null when the expectation failed.
 */
export function appendStatement(expected: ExpectedRevision): { name: string; text: string } {
  const kind = kindOf(expected);
  return {
    name: `qm_append_${kind}`,
    text: `
      with s as (${streamStep[kind]}),
      e as (
        insert into qm_events (event_id, stream, revision, type, data, metadata)
        select x.id, $1, s.revision - $2::bigint + x.ord, x.type, x.data::jsonb, x.meta::jsonb
        from s cross join unnest($3::uuid[], $4::text[], $5::text[], $6::text[])
          with ordinality as x(id, type, data, meta, ord)
        returning position, revision
      )
      select (select max(revision) from e)::text as revision,
             (select max(position) from e)::text as position,
             pg_current_xact_id()::text as tx`,
  };
}

/** Parameters in the order `appendStatement` expects. */
export function appendParams(
  stream: string,
  events: readonly { id: string; type: string; data: unknown; metadata: unknown }[],
  expected: ExpectedRevision,
): unknown[] {
  const params: unknown[] = [
    stream,
    events.length,
    events.map((event) => event.id),
    events.map((event) => event.type),
    events.map((event) => JSON.stringify(event.data)),
    events.map((event) => JSON.stringify(event.metadata)),
  ];
  if (typeof expected === 'number') params.push(expected);
  return params;
}
