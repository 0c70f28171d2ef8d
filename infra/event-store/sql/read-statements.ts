import type { EventFilter } from '../../../ports/event-store.ts';

// Every read goes through `qm_event_log`: the hot table and the archive (migration 0017) as one.
// Output columns are cast to text (bigints and xid8 as exact strings), so every ORDER BY below
// qualifies its columns: a bare name would sort by the text alias.
export const EVENT_COLUMNS = `position::text as position, tx_id::text as tx, event_id::text as id, stream,
  revision::text as revision, type, data, metadata, recorded_at`;

/**
 * Only rows of transactions older than every transaction still running are visible, checked in
 * the same statement that reads them: the visible log is then always a prefix in (tx_id, position)
 * order, so a reader never skips a slow transaction that commits later.
 */
const VISIBLE = `tx_id < pg_snapshot_xmin(pg_current_snapshot())`;

/** The last event a reader can see now: the head of the visible log. */
const LAST_VISIBLE = `select tx_id, position from qm_event_log where ${VISIBLE}
  order by qm_event_log.tx_id desc, qm_event_log.position desc limit 1`;

/** The global read's conditions: after ($1 tx, $2 position), visible; filters from $4. */
function readAllConditions(filter: EventFilter | undefined): { name: string; where: string } {
  const conditions = [`(tx_id, position) > ($1::xid8, $2::bigint)`, VISIBLE];
  let next = 4;
  let name = 'qm_read_all';
  if (filter?.categories) {
    conditions.push(`category = any($${next++}::text[])`);
    name += '_c';
  }
  if (filter?.eventTypes) {
    conditions.push(`type = any($${next++}::text[])`);
    name += '_t';
  }
  return { name, where: conditions.join(' and ') };
}

/**
 * The global read's LIMIT, as a value PostgreSQL cannot see while planning. It cannot estimate how
 * many rows the conditions keep (xid8 has no histogram, and the visibility check calls a function),
 * guesses about a ninth of the log, and with the LIMIT known and above that guess, it planned a
 * bitmap scan of everything after the checkpoint and a sort of all of it (spilling to disk) for
 * each page, where walking the index in order stops after the page. node-postgres's named
 * statements get such custom plans for their first five runs on each connection: on a 40,000-event
 * log a page of 5,000 from the start took 89 ms that way and 7 ms in index order. With a LIMIT
 * unknown to it, the planner favours plans that return the first rows soonest. In the read bench
 * the raw read went from 69,000-82,000 (swinging with the plans each connection got) to
 * 98,000-126,000 events/s, and the projection lag p99 from 36-56 to 24 ms.
 */
const PAGE = `limit (select $3::integer)`;

/** Reads the global log after ($1 tx, $2 position), at most $3 rows; filters from $4. */
export function readAllStatement(filter: EventFilter | undefined): { name: string; text: string } {
  const { name, where } = readAllConditions(filter);
  return {
    name,
    text: `select ${EVENT_COLUMNS} from qm_event_log where ${where}
           order by qm_event_log.tx_id, qm_event_log.position ${PAGE}`,
  };
}

/**
 * `readAllStatement` and the head in one statement, so both come from one snapshot and one round
 * trip: one row per event read, each carrying the head; a single row without an event when none
 * passed; no row when the log is empty.
 */
export function readAllWithHeadStatement(filter: EventFilter | undefined): { name: string; text: string } {
  const { name, where } = readAllConditions(filter);
  return {
    name: `${name}_h`,
    text: `with head as (${LAST_VISIBLE})
           select head.tx_id::text as head_tx, head.position::text as head_position, e.*
           from head left join lateral (
             select qm_event_log.tx_id as sort_tx, qm_event_log.position as sort_position, ${EVENT_COLUMNS}
             from qm_event_log where ${where}
             order by qm_event_log.tx_id, qm_event_log.position ${PAGE}) e on true
           order by e.sort_tx, e.sort_position`,
  };
}

export const headStatement = `select tx_id::text as tx, position::text as position from (${LAST_VISIBLE}) head`;

/** Any committed event at exactly ($1 tx, $2 position), visible or not: the global order's index finds it. */
export const committedStatement = `select exists (select 1 from qm_event_log
  where tx_id = $1::xid8 and position = $2::bigint) as committed`;

/**
 * Stream reads see every committed row (plain read committed): commands must decide on the latest
 * state, and the compare-and-set on qm_streams catches anything newer.
 */
export const readStreamForwards = `select ${EVENT_COLUMNS} from qm_event_log
  where stream = $1 and revision >= $2::bigint order by qm_event_log.revision limit $3`;
export const readStreamBackwards = `select ${EVENT_COLUMNS} from qm_event_log
  where stream = $1 and revision <= $2::bigint order by qm_event_log.revision desc limit $3`;
