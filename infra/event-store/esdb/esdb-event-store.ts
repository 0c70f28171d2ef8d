import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  UnsupportedError,
  WrongExpectedVersionError,
  type AllStreamRecordedEvent,
  type ReadStreamOptions as EsdbReadStreamOptions,
  type Filter,
} from '@kurrent/kurrentdb-client';
import type {
  AppendResult,
  EventStore,
  Position,
  ReadAllOptions,
  RecordedEvent,
  StreamAppend,
  Subscription,
} from '../../../ports/event-store.ts';
import { MultiStreamAppendUnsupported } from '../../../ports/event-store-errors.ts';
import { validateAppend, validateMulti } from '../validate-append.ts';
import { esdbSubscription } from './esdb-subscription.ts';
import { retryLandingRevision, toActualRevision, toStreamState } from './expected-revision.ts';
import { planFilter } from './filters.ts';
import { supportsMultiStreamAppend } from './multi-stream-support.ts';
import { readMatching, type ReadPage } from './read-all-pages.ts';
import { compareWithStored, settleRefusedAppend, type StoredOutcome } from './stored-outcome.ts';
import {
  toEventData,
  toMultiAppendEventData,
  toRecordedEvent,
  type EsdbRecord,
} from './to-recorded-event.ts';

export interface EsdbEventStoreOptions {
  /** `kurrentdb://host:2113?tls=false` (or `esdb://`): see the client's connection string reference. */
  connectionString: string;
}

/** One `readAll` batch when the caller names no size (the SQL backends use the same). */
const DEFAULT_BATCH = 500;
/** How far back a refused `any` append looks for its event ids (see `settleRefusedAppend`). */
const RECENT_WINDOW = 256;

/**
 * The event store on EventStoreDB / KurrentDB. Connects, asks once whether the server appends to
 * several streams atomically (KurrentDB 25.1+), and throws if the server cannot be reached.
 */
export async function createEsdbEventStore(options: EsdbEventStoreOptions): Promise<EventStore> {
  const client = KurrentDBClient.connectionString(options.connectionString);
  let atomicMultiStreamAppend: boolean;
  try {
    atomicMultiStreamAppend = await supportsMultiStreamAppend(client);
  } catch (error) {
    await client.dispose();
    throw error;
  }
  const subscriptions = new Set<Subscription>();

  /** A stream's events as the client gives them; an absent or deleted stream reads as none. */
  async function readRecords(stream: string, read: EsdbReadStreamOptions): Promise<EsdbRecord[]> {
    const records: EsdbRecord[] = [];
    try {
      for await (const { event } of client.readStream(stream, { ...read, resolveLinkTos: false })) {
        if (event) records.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError) return [];
      throw error;
    }
    return records;
  }

  /**
   * The exact position of the event at `revision`. Appends answer with the position of the whole
   * write, or none at all when the server recognised an idempotent retry; the contract hands back
   * the last event's, and the revision pins that event, so concurrent appends cannot interfere.
   */
  async function positionAt(stream: string, revision: number): Promise<Position> {
    const [record] = await readRecords(stream, { fromRevision: BigInt(revision), maxCount: 1 });
    if (!record)
      throw new Error(`Stream ${stream} has no event at revision ${revision} right after appending it.`);
    return toRecordedEvent(record).position;
  }

  /** What `append.stream` already holds of `append.events`, looked up where a retry would have put them. */
  async function storedOutcome(append: StreamAppend): Promise<StoredOutcome> {
    const landing = retryLandingRevision(append.expected);
    const records =
      landing === null
        ? await readRecords(append.stream, {
            direction: BACKWARDS,
            fromRevision: END,
            maxCount: RECENT_WINDOW,
          })
        : await readRecords(append.stream, { fromRevision: BigInt(landing), maxCount: append.events.length });
    return compareWithStored(append.events, records.map(toRecordedEvent));
  }

  /** After a refused append (or a set of them): the stored outcome of a retry, or the typed error. */
  async function settle(
    appends: StreamAppend[],
    failedStream: string,
    actual: number | null,
  ): Promise<AppendResult[]> {
    const outcomes = await Promise.all(appends.map(storedOutcome));
    const failed = appends.find((append) => append.stream === failedStream) ?? appends[0]!;
    return settleRefusedAppend(appends, outcomes, failed, actual);
  }

  function pageReader(filter: Filter): ReadPage<AllStreamRecordedEvent> {
    return (from, direction, maxCount) =>
      client.readAll({ fromPosition: from, direction, maxCount, filter, resolveLinkTos: false });
  }

  async function readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const plan = planFilter(options.filter);
    if (plan.matchesNothing) return [];
    const records = await readMatching(pageReader(plan.server), {
      from: options.from ?? 'start',
      direction: FORWARDS,
      count: options.maxCount ?? DEFAULT_BATCH,
      accepts: plan.accepts,
    });
    return records.map(toRecordedEvent);
  }

  async function headPosition(): Promise<Position | null> {
    const plan = planFilter();
    const [last] = await readMatching(pageReader(plan.server), {
      from: 'end',
      direction: BACKWARDS,
      count: 1,
      accepts: plan.accepts,
    });
    return last ? { commit: last.position.commit, prepare: last.position.prepare } : null;
  }

  return {
    capabilities: { backend: 'esdb', atomicMultiStreamAppend },

    async append(stream, events, expected) {
      validateAppend(stream, events, expected);
      try {
        const result = await client.appendToStream(stream, events.map(toEventData), {
          streamState: toStreamState(expected),
        });
        // Only reached when the connection string sets throwOnAppendFailure=false.
        if (!result.success) {
          const [settled] = await settle(
            [{ stream, events, expected }],
            stream,
            toActualRevision(result.nextExpectedRevision),
          );
          return settled!;
        }
        const nextRevision = Number(result.nextExpectedRevision);
        const position =
          events.length === 1 && result.position ? result.position : await positionAt(stream, nextRevision);
        return { nextRevision, position: { commit: position.commit, prepare: position.prepare } };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const [settled] = await settle(
          [{ stream, events, expected }],
          stream,
          toActualRevision(error.actualState),
        );
        return settled!;
      }
    },

    async appendMulti(appends) {
      validateMulti(appends);
      if (!atomicMultiStreamAppend) throw new MultiStreamAppendUnsupported('esdb');
      let revisions: Map<string, number>;
      try {
        const result = await client.multiStreamAppend(
          appends.map((append) => ({
            streamName: append.stream,
            expectedState: toStreamState(append.expected),
            events: append.events.map(toMultiAppendEventData),
          })),
        );
        revisions = new Map(
          result.responses.map((response) => [response.streamName, Number(response.revision)]),
        );
      } catch (error) {
        // A node of an older version can become leader after startup.
        if (error instanceof UnsupportedError) throw new MultiStreamAppendUnsupported('esdb');
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        return settle(appends, error.streamName, toActualRevision(error.actualState));
      }
      // The session answers one position for the whole write; each stream gets its last event's.
      return Promise.all(
        appends.map(async (append) => {
          const nextRevision = revisions.get(append.stream);
          if (nextRevision === undefined)
            throw new Error(`The server did not answer for stream ${append.stream}.`);
          return { nextRevision, position: await positionAt(append.stream, nextRevision) };
        }),
      );
    },

    async readStream(stream, options = {}) {
      const backwards = options.direction === 'backwards';
      const records = await readRecords(stream, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision:
          options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      });
      return records.map(toRecordedEvent);
    },

    async streamRevision(stream) {
      const [last] = await readRecords(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
      return last ? Number(last.revision) : null;
    },

    readAll,

    headPosition,

    // Two requests here: the head first, so it never claims more than the read after it saw.
    async readAllWithHead(options = {}) {
      const head = await headPosition();
      return { head, events: await readAll(options) };
    },

    subscribe(options = {}) {
      const plan = planFilter(options.filter);
      const from = options.from ?? 'start';
      // `batchSize` has no counterpart: the server streams a catch-up subscription as fast as it is read.
      const source = client.subscribeToAll({
        fromPosition: from === 'start' ? START : from === 'end' ? END : from,
        filter: plan.server,
        resolveLinkTos: false,
      });
      const subscription = esdbSubscription(source, {
        after: typeof from === 'object' ? from : null,
        accepts: plan.accepts,
        signal: options.signal,
        onStop: () => subscriptions.delete(subscription),
      });
      subscriptions.add(subscription);
      return subscription;
    },

    async close() {
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      await client.dispose();
    },
  };
}
