import type { EventFilter, EventStore, Position, RecordedEvent } from '../../ports/event-store.ts';
import { comparePositions } from '../../ports/position.ts';
import { createWakeList } from '../../infra/async/wake-list.ts';
import { eventFilterMatcher } from '../../infra/event-store/event-filter.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import type { Batch } from './batch.ts';
import { reached } from './checkpoints.ts';
import { isSkipped } from './skips.ts';
import { sleep, untilAppendOr } from './sleep.ts';

export interface LogTailOptions {
  /**
   * Wait between reads once caught up (default 10 ms): bounds the lag behind other processes'
   * appends; an append in this process ends the wait at once.
   */
  pollIntervalMs?: number;
  /** Events kept in memory (default 20,000); a projector further behind reads the store itself. */
  windowEvents?: number;
  /** Events per read of the store (default 1,000). */
  readSize?: number;
  /** How long to wait before reading again after a failed read (default 1 s). */
  retryMs?: number;
  log?: Logger;
}

/**
 * The newest stretch of the global log, read once for every projector of this process. Without it
 * each projector polls the store and decodes the same events itself: five read models made five
 * reads of every event, which on a busy machine cost more than applying them.
 */
export interface LogTail {
  /**
   * The batch after `from`, from memory, as `readNextBatch` would read it from the store: a batch;
   * `null` when the tail holds nothing after `from` yet (wait with `waitBeyond`); `undefined` when
   * the tail cannot answer (`from` is older than what it holds, or it is not following the log):
   * read the store.
   */
  batchAfter(
    from: Position | null,
    batchSize: number,
    filter: EventFilter | undefined,
    skips: ReadonlySet<string>,
  ): Batch | null | undefined;
  /** Resolves once the tail holds an event after `from`, after `timeoutMs`, or when `signal` aborts. */
  waitBeyond(from: Position | null, timeoutMs: number, signal: AbortSignal): Promise<void>;
  /** The last position it holds (`null`: none, the log was empty); `undefined` while it is not following. */
  readonly end: Position | null | undefined;
  /** Stops following the log (it starts at the first `batchAfter`). */
  stop(): Promise<void>;
}

/**
 * A tail of `store`'s global log. It starts following at the head when first asked and then reads
 * every event once, in log order, so what it holds is always a gap-free stretch of the log: (base,
 * end]. Shared events are handed to every projector, which only read them.
 */
export function createLogTail(store: EventStore, options: LogTailOptions = {}): LogTail {
  const pollIntervalMs = options.pollIntervalMs ?? 10;
  const windowEvents = options.windowEvents ?? 20_000;
  const readSize = options.readSize ?? 1000;
  const stopper = new AbortController();
  const matchers = new WeakMap<EventFilter, (stream: string, type: string) => boolean>();
  let events: RecordedEvent[] = [];
  /** Exclusive start of what is held: `null` is the start of the log. */
  let base: Position | null = null;
  let following = false;
  const waiters = createWakeList<Position | null>();
  let running: Promise<void> | null = null;

  const end = () => events.at(-1)?.position ?? base;

  function matcherOf(filter: EventFilter) {
    let matcher = matchers.get(filter);
    if (!matcher) matchers.set(filter, (matcher = eventFilterMatcher(filter)));
    return matcher;
  }

  /** Index of the first held event after `from` (binary search: positions ascend). */
  function firstAfter(from: Position | null): number {
    if (from === null) return 0;
    let low = 0;
    let high = events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (comparePositions(events[middle]!.position, from) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  function hold(read: readonly RecordedEvent[]): void {
    events.push(...read);
    // Trimmed in steps, not per read: dropping from the front copies what is left.
    if (events.length > windowEvents * 1.5) {
      const dropped = events.length - windowEvents;
      base = events[dropped - 1]!.position;
      events = events.slice(dropped);
    }
    const head = end()!;
    waiters.wake((from) => !reached(from, head));
  }

  async function follow(): Promise<void> {
    const until = stopper.signal;
    while (!until.aborted) {
      try {
        if (!following) {
          // A fresh start (or a restart after a failure while nothing was held) begins at the head:
          // the projectors read whatever is older themselves.
          if (events.length === 0) base = await store.headPosition();
          following = true;
        }
        const seen = store.appendSequence?.();
        const readAt = performance.now();
        const read = await store.readAll({ from: end() ?? 'start', maxCount: readSize });
        if (read.length > 0) hold(read);
        if (read.length < readSize) {
          // At most one read per poll interval while appends keep coming: woken by each one, the
          // projectors would commit a transaction per append (on PGlite, 3.9 per order instead of
          // 1.8). A quiet log's first append is still read at once. A read that found nothing
          // waits out the interval too: an announced append is often not visible yet (an older
          // transaction still open), and reading again at each announcement made two of three of
          // `qm work`'s log reads come back empty under the checkout bench's load.
          const early = pollIntervalMs - (performance.now() - readAt);
          if (early > 0) await sleep(early, until);
          await untilAppendOr(store, pollIntervalMs, until, seen);
        }
      } catch (error) {
        // The projectors read the store themselves meanwhile, and fail there with the cause.
        following = false;
        options.log?.warn(
          { err: error },
          'log tail: reading the log failed; the projectors read it themselves until it recovers',
        );
        await sleep(options.retryMs ?? 1000, until);
      }
    }
  }

  return {
    batchAfter(from, batchSize, filter, skips) {
      if (!running && !stopper.signal.aborted) running = follow();
      if (!following) return undefined;
      if (base !== null && (from === null || comparePositions(from, base) < 0)) return undefined;
      const head = end();
      if (head === null || reached(from, head)) return null;
      const matches = filter ? matcherOf(filter) : null;
      const picked: RecordedEvent[] = [];
      for (let index = firstAfter(from); index < events.length && picked.length < batchSize; index++) {
        const event = events[index]!;
        if (!matches || matches(event.stream, event.type)) picked.push(event);
      }
      const full = picked.length === batchSize;
      // As far as the scan went: past events the filter passes over, as a read with the head would.
      const last = full ? picked.at(-1)!.position : head;
      const passed = skips.size > 0 ? picked.filter((event) => !isSkipped(skips, event.position)) : picked;
      return { events: passed, end: last, full };
    },

    waitBeyond(from, timeoutMs, signal) {
      const head = end();
      if (following && head !== null && !reached(from, head)) return Promise.resolve();
      return waiters.wait(from, timeoutMs, signal);
    },

    get end() {
      return following ? end() : undefined;
    },

    async stop() {
      stopper.abort();
      await running;
      waiters.wake();
    },
  };
}
