import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  ReadWithHead,
  RecordedEvent,
  StreamAppend,
} from '../../../ports/event-store.ts';
import { EventIdReused, WrongExpectedRevision } from '../../../ports/event-store-errors.ts';
import type { SqlClient } from '../../sql/sql-client.ts';
import { sqlConstraint, sqlState } from '../../sql/sql-client.ts';
import { createAppendSignal, type AppendSignal } from '../append-signal.ts';
import type { AppendNotifications } from './pg-append-notifications.ts';
import { pollingSubscription, QUICK_POLL_WINDOW_MS } from '../polling-subscription.ts';
import { validateAppend, validateMulti } from '../validate-append.ts';
import {
  appendMultiParams,
  appendMultiStatement,
  expectationHolds,
  type AppendMultiRow,
} from './append-multi-statement.ts';
import { appendParams, appendStatement } from './append-statement.ts';
import {
  committedStatement,
  headStatement,
  readAllStatement,
  readAllWithHeadStatement,
  readStreamBackwards,
} from './read-statements.ts';
import { rowToEvent, type EventRow } from './row-to-event.ts';
import { batchedStreamReads } from './batched-stream-reads.ts';

const MAX_XID8 = 2n ** 64n - 1n;
const MAX_BIGINT = 2n ** 63n - 1n;

export interface SqlEventStoreOptions {
  /**
   * Poll interval of subscriptions (ms) for a while after an append they care about: appends in
   * this process (and, with `notifications`, in others) wake them at once, but an event committed
   * behind an older transaction still running becomes visible only when that one ends, which
   * nothing announces. Default 25.
   */
  pollIntervalMs?: number;
  /**
   * Poll interval of subscriptions once no append they care about has been announced for a while
   * (ms); default `pollIntervalMs`. Longer only where every append is announced: embedded (one
   * process) or with `notifications`. A scheduler following promotions then reads the log a few
   * times a second instead of forty, while its category is quiet.
   */
  idlePollIntervalMs?: number;
  /**
   * How long after an announced append readers keep polling at their own short interval (default
   * 1 s), for events committed behind an older transaction. 0 where that cannot happen: embedded
   * PGlite runs one statement at a time on one connection, so an announced event is visible.
   */
  quickPollWindowMs?: number;
  /**
   * Appends of other processes on this database wake this store's waiters (projectors, the log
   * tail, subscriptions) as its own do, and its appends wake theirs (pg-append-notifications.ts).
   */
  notifications?: AppendNotifications;
  /** Closes the client with the store when the store owns it. */
  ownsClient?: boolean;
}

const START: Position = { commit: 0n, prepare: 0n };
const MAX_REVISION = '9223372036854775807';

interface AppendRow {
  revision: string | null;
  position: string | null;
  tx: string;
}

/**
 * The event store on PostgreSQL or PGlite: one implementation of the SQL for both (see
 * `ops/migrations/0001-event-store.ts` for the schema and why the global order is (tx_id, position)).
 */
export function createSqlEventStore(client: SqlClient, options: SqlEventStoreOptions = {}): EventStore {
  const local = createAppendSignal();
  const { notifications } = options;
  notifications?.listen((appended) => local.notify(appended));
  const signal: AppendSignal = notifications
    ? {
        notify(appended) {
          local.notify(appended);
          notifications.publish(appended);
        },
        wait: (timeoutMs, until, wants) => local.wait(timeoutMs, until, wants),
        watch: (wants, onAppended) => local.watch(wants, onAppended),
      }
    : local;

  const readForwards = batchedStreamReads(client);
  const idle = options.idlePollIntervalMs;
  const quickPollWindowMs = options.quickPollWindowMs ?? QUICK_POLL_WINDOW_MS;
  let quickUntil = 0;
  let announced = 0;
  signal.watch(undefined, () => {
    announced++;
    quickUntil = performance.now() + quickPollWindowMs;
  });

  async function appendOne(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult | null> {
    const { name, text } = appendStatement(expected);
    const [row] = await client.query<AppendRow>(text, appendParams(stream, events, expected), name);
    if (!row?.revision || !row.position) return null;
    return {
      nextRevision: Number(row.revision),
      position: { commit: BigInt(row.tx), prepare: BigInt(row.position) },
    };
  }

  /**
   * After a failed append: if every event is already stored in these streams this was a retry, and
   * the stored outcome is the answer (idempotent by event id); otherwise the failure stands.
   */
  async function storedOutcome(appends: readonly StreamAppend[]): Promise<AppendResult[] | null> {
    const ids = appends.flatMap((append) => append.events.map((event) => event.id.toLowerCase()));
    const rows = await client.query<{
      id: string;
      stream: string;
      revision: string;
      position: string;
      tx: string;
    }>(
      `select event_id::text as id, stream, revision::text as revision, position::text as position, tx_id::text as tx
       from qm_event_log where event_id = any($1::uuid[])`,
      [ids],
    );
    if (rows.length === 0) return null;
    const byId = new Map(rows.map((row) => [row.id, row]));
    return appends.map((append) => {
      const found = append.events.map((event) => byId.get(event.id.toLowerCase()));
      const stored = found.filter((row) => row?.stream === append.stream);
      if (stored.length !== append.events.length) {
        throw new EventIdReused(
          append.stream,
          rows.map((row) => row.id),
        );
      }
      const last = stored.reduce((a, b) => (Number(a!.revision) > Number(b!.revision) ? a : b))!;
      return {
        nextRevision: Number(last.revision),
        position: { commit: BigInt(last.tx), prepare: BigInt(last.position) },
      };
    });
  }

  /**
   * The stored outcome of a retry, else a conflict on `failedStream` or on the first stream whose
   * expectation fails now (or the first stream, if the race that failed the append is already over).
   */
  async function failure(appends: readonly StreamAppend[], failedStream?: string): Promise<AppendResult[]> {
    const stored = await storedOutcome(appends);
    if (stored) return stored;
    for (const append of appends) {
      const actual = await streamRevision(append.stream);
      if (append.stream === failedStream || !expectationHolds(append.expected, actual)) {
        throw new WrongExpectedRevision(append.stream, append.expected, actual);
      }
    }
    const [first] = appends;
    throw new WrongExpectedRevision(first!.stream, first!.expected, await streamRevision(first!.stream));
  }

  const isDuplicateId = (error: unknown) =>
    sqlState(error) === '23505' && sqlConstraint(error) === 'qm_events_event_id_key';
  const isStreamCreatedMeanwhile = (error: unknown) =>
    sqlState(error) === '23505' && sqlConstraint(error) === 'qm_streams_pkey';

  async function streamRevision(stream: string): Promise<number | null> {
    const [row] = await client.query<{ revision: string }>(
      'select revision::text as revision from qm_streams where stream = $1',
      [stream],
    );
    return row ? Number(row.revision) : null;
  }

  function readAllParams(options: ReadAllOptions): unknown[] {
    const from = options.from === undefined || options.from === 'start' ? START : options.from;
    const params: unknown[] = [from.commit.toString(), from.prepare.toString(), options.maxCount ?? 500];
    if (options.filter?.categories) params.push(options.filter.categories);
    if (options.filter?.eventTypes) params.push(options.filter.eventTypes);
    return params;
  }

  async function readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { name, text } = readAllStatement(options.filter);
    return (await client.query<EventRow>(text, readAllParams(options), name)).map(rowToEvent);
  }

  async function readAllWithHead(options: ReadAllOptions = {}): Promise<ReadWithHead> {
    const { name, text } = readAllWithHeadStatement(options.filter);
    const rows = await client.query<EventRow & { head_tx: string; head_position: string }>(
      text,
      readAllParams(options),
      name,
    );
    const [first] = rows;
    if (!first) return { events: [], head: null };
    return {
      events: first.id === null ? [] : rows.map(rowToEvent),
      head: { commit: BigInt(first.head_tx), prepare: BigInt(first.head_position) },
    };
  }

  async function headPosition(): Promise<Position | null> {
    const [row] = await client.query<{ tx: string; position: string }>(headStatement, [], 'qm_head');
    return row ? { commit: BigInt(row.tx), prepare: BigInt(row.position) } : null;
  }

  /** One stream's append: its compare-and-set on the stream row, no advisory lock (see appendStatement). */
  async function appendSingle(stream: string, events: readonly NewEvent[], expected: ExpectedRevision) {
    try {
      const result = await appendOne(stream, events, expected);
      if (result) {
        signal.notify(events.map(({ type }) => ({ stream, type })));
        return result;
      }
    } catch (error) {
      if (!isDuplicateId(error)) throw error;
    }
    const [result] = await failure([{ stream, events: [...events], expected }], stream);
    return result!;
  }

  return {
    capabilities: { backend: client.dialect, atomicMultiStreamAppend: true },

    async append(stream, events, expected) {
      validateAppend(stream, events, expected);
      return appendSingle(stream, events, expected);
    },

    async appendMulti(appends) {
      validateMulti(appends);
      // One stream needs none of the multi-stream statement's ordering of locks: its row lock alone
      // decides, as for `append`, and the lean statement costs PostgreSQL a fraction of the planning
      // and executor set-up of the CTE below (a cart change appends to its cart stream alone).
      if (appends.length === 1) {
        const [{ stream, events, expected }] = appends as [StreamAppend];
        return [await appendSingle(stream, events, expected)];
      }
      let rows: AppendMultiRow[];
      try {
        rows = await client.query<AppendMultiRow>(
          appendMultiStatement.text,
          appendMultiParams(appends),
          appendMultiStatement.name,
        );
      } catch (error) {
        // A duplicate event id (a retry?) or a stream created meanwhile: the stored outcome decides.
        if (isDuplicateId(error) || isStreamCreatedMeanwhile(error)) return failure(appends);
        throw error;
      }
      if (rows[0]?.ok) {
        signal.notify(appends.flatMap(({ stream, events }) => events.map(({ type }) => ({ stream, type }))));
        return rows.map((row) => ({
          nextRevision: Number(row.revision),
          position: { commit: BigInt(row.tx), prepare: BigInt(row.position!) },
        }));
      }
      const stored = await storedOutcome(appends);
      if (stored) return stored;
      const actual = new Map(
        rows.map((row) => [row.stream, row.actual === null ? null : Number(row.actual)]),
      );
      // Name the first stale stream in lock order, as a transaction taking them in turn would.
      const failed = [...appends]
        .sort((a, b) => (a.stream < b.stream ? -1 : 1))
        .find((append) => !expectationHolds(append.expected, actual.get(append.stream) ?? null))!;
      throw new WrongExpectedRevision(failed.stream, failed.expected, actual.get(failed.stream) ?? null);
    },

    async readStream(stream, options: ReadStreamOptions = {}) {
      if (options.direction !== 'backwards')
        return (await readForwards(stream, options.fromRevision ?? 0, options.maxCount ?? null)).map(
          rowToEvent,
        );
      const rows = await client.query<EventRow>(
        readStreamBackwards,
        [stream, options.fromRevision ?? MAX_REVISION, options.maxCount ?? null],
        'qm_read_stream_b',
      );
      return rows.map(rowToEvent);
    },

    streamRevision,
    readAll,
    readAllWithHead,
    headPosition,

    async isCommitted(position) {
      // A token may carry any 20 digits: past the columns' ranges (xid8, bigint) no event can be,
      // and PostgreSQL would refuse the cast rather than answer false.
      if (position.commit > MAX_XID8 || position.prepare > MAX_BIGINT) return false;
      const [row] = await client.query<{ committed: boolean }>(
        committedStatement,
        [position.commit.toString(), position.prepare.toString()],
        'qm_committed',
      );
      return row?.committed === true;
    },

    subscribe(subscribeOptions) {
      return pollingSubscription(
        {
          readAll,
          readAllWithHead,
          headPosition,
          signal,
          pollIntervalMs: options.pollIntervalMs ?? 25,
          idlePollIntervalMs: options.idlePollIntervalMs ?? options.pollIntervalMs ?? 25,
          ...(options.quickPollWindowMs !== undefined
            ? { quickPollWindowMs: options.quickPollWindowMs }
            : {}),
        },
        subscribeOptions,
      );
    },

    // The log tail and the projectors wait here between reads, each with its own short poll: kept
    // while appends are being announced, stretched to the idle interval once they stop.
    waitForAppend: (timeoutMs, until, since) =>
      since !== undefined && since !== announced
        ? Promise.resolve()
        : signal.wait(
            idle !== undefined && performance.now() >= quickUntil ? Math.max(timeoutMs, idle) : timeoutMs,
            until,
          ),

    appendSequence: () => announced,

    async close() {
      await notifications?.close();
      if (options.ownsClient) await client.close();
    },
  };
}
