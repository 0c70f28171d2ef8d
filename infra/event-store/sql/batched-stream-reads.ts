import type { SqlExecutor } from '../../sql/sql-client.ts';
import { EVENT_COLUMNS, readStreamForwards } from './read-statements.ts';
import type { EventRow } from './row-to-event.ts';

/** At most this many reads go in one statement; more wait for the next. */
const MAX_READS = 200;

/**
 * Several forward stream reads in one statement: row `i` of the arrays is the read of stream
 * `$1[i]` from revision `$2[i]`, at most `$3[i]` events (null: all), each by the same index walk
 * as `readStreamForwards`, in one snapshot. Rows carry their read's index and come back in read
 * and revision order.
 */
const readStreamsForwards = `select r.idx::integer as read_idx, e.*
  from unnest($1::text[], $2::bigint[], $3::integer[]) with ordinality as r(stream, from_revision, max_count, idx)
  cross join lateral (
    select qm_event_log.revision as sort_revision, ${EVENT_COLUMNS} from qm_event_log
    where qm_event_log.stream = r.stream and qm_event_log.revision >= r.from_revision
    order by qm_event_log.revision limit r.max_count) e
  order by r.idx, e.sort_revision`;

interface PendingRead {
  stream: string;
  from: string | number;
  maxCount: number | null;
  resolve: (rows: EventRow[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Forward stream reads asked for in the same turn of the event loop, sent to SQL together: one
 * statement (one round trip) for all of them instead of one each. A command loads its streams in
 * parallel (a cart's products, their stock at every location, the pricing configuration), and
 * concurrent requests do the same, so a turn gathers many. Every read is sent after it was asked
 * for, so it sees whatever was committed before it was asked (an append awaited before it
 * included), exactly as a read of its own would; a lone read takes the one-stream statement.
 */
export function batchedStreamReads(client: SqlExecutor) {
  const pending: PendingRead[] = [];

  function flush() {
    const reads = pending.splice(0, MAX_READS);
    if (pending.length > 0) setImmediate(flush);
    if (reads.length === 1) {
      const [read] = reads as [PendingRead];
      client
        .query<EventRow>(readStreamForwards, [read.stream, read.from, read.maxCount], 'qm_read_stream_f')
        .then(read.resolve, read.reject);
      return;
    }
    client
      .query<EventRow & { read_idx: number }>(
        readStreamsForwards,
        [reads.map((r) => r.stream), reads.map((r) => String(r.from)), reads.map((r) => r.maxCount)],
        'qm_read_streams_f',
      )
      .then(
        (rows) => {
          const byRead: EventRow[][] = reads.map(() => []);
          for (const row of rows) byRead[Number(row.read_idx) - 1]!.push(row);
          reads.forEach((read, i) => read.resolve(byRead[i]!));
        },
        (error: unknown) => {
          for (const read of reads) read.reject(error);
        },
      );
  }

  return (stream: string, from: string | number, maxCount: number | null): Promise<EventRow[]> =>
    new Promise((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ stream, from, maxCount, resolve, reject });
    });
}
