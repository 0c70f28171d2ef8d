import type {
  Position,
  ReadAllOptions,
  ReadWithHead,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../../ports/event-store.ts';
import { comparePositions } from '../../ports/position.ts';
import { sleep } from '../async/sleep.ts';
import type { Appended, AppendSignal } from './append-signal.ts';
import { eventFilterMatcher } from './event-filter.ts';

export interface PollingSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  headPosition(): Promise<Position | null>;
  /** A filtered read and the head from one snapshot in one statement, where the store has it. */
  readAllWithHead?(options: ReadAllOptions): Promise<ReadWithHead>;
  signal: AppendSignal;
  /**
   * Longest wait between reads for a while after a wanted append was announced: bounds the lag
   * behind an announced event that was not visible yet (committed behind an older transaction).
   */
  pollIntervalMs: number;
  /** Longest wait between reads once nothing wanted has been announced for `quickPollWindowMs`. */
  idlePollIntervalMs?: number;
  /**
   * How long after a wanted announcement reads keep to `pollIntervalMs` (default 1 s). 0 where an
   * announced event is always visible at once (embedded: one connection, nothing commits behind).
   */
  quickPollWindowMs?: number;
}

export const QUICK_POLL_WINDOW_MS = 1000;

/**
 * A catch-up subscription built on `readAll`: reads batches after the checkpoint until it is caught
 * up, then waits for a local append or the poll interval and reads again. The position only moves
 * past events already yielded, so a caller that stores each yielded event's position and restarts
 * from it sees every event exactly once.
 */
export function pollingSubscription(source: PollingSource, options: SubscribeOptions = {}): Subscription {
  const stopper = new AbortController();
  const stopped = options.signal ? AbortSignal.any([options.signal, stopper.signal]) : stopper.signal;
  const batchSize = options.batchSize ?? 500;
  const lagMs = options.lagMs ?? 0;
  const matches = options.filter ? eventFilterMatcher(options.filter) : undefined;
  const wants = matches && (({ stream, type }: Appended) => matches(stream, type));

  async function readWithHead(from: Position | 'start'): Promise<ReadWithHead> {
    const read = { from, maxCount: batchSize, ...(options.filter ? { filter: options.filter } : {}) };
    if (!options.filter) return { events: await source.readAll(read), head: null };
    if (source.readAllWithHead) return source.readAllWithHead(read);
    const head = await source.headPosition();
    return { events: await source.readAll(read), head };
  }

  const idlePollIntervalMs = source.idlePollIntervalMs ?? source.pollIntervalMs;
  // Set by every wanted append, read or not: one announced while a read was under way is read at
  // once, instead of after a wait that no later announcement might end.
  let announced = false;
  let quickUntil = 0;
  const quickPollWindowMs = source.quickPollWindowMs ?? QUICK_POLL_WINDOW_MS;

  async function* run(): AsyncGenerator<RecordedEvent> {
    const unwatch = source.signal.watch(wants, () => {
      announced = true;
      quickUntil = performance.now() + quickPollWindowMs;
    });
    try {
      yield* follow();
    } finally {
      unwatch();
    }
  }

  async function* follow(): AsyncGenerator<RecordedEvent> {
    let from: Position | 'start' =
      options.from === 'end' ? ((await source.headPosition()) ?? 'start') : (options.from ?? 'start');
    let caughtUp = false;
    let readAt = 0;
    while (!stopped.aborted) {
      // Caught up, a subscriber that may lag reads once per lagMs, whatever woke it: a scheduler
      // following every cart read the log once per cart change (about twenty times a checkout).
      const early = readAt + lagMs - performance.now();
      if (caughtUp && early > 0) await sleep(early, stopped);
      if (stopped.aborted) return;
      announced = false;
      readAt = performance.now();
      // With a filter, matching events may be rare: without this the position would stay at the
      // last match and every read would scan everything after it again. The head is read before
      // the batch, and visibility only grows, so every match up to it is in this batch (unless full).
      // With `readAllWithHead` both come from one snapshot, which holds the same way (one
      // statement per poll instead of two).
      const { events: batch, head } = await readWithHead(from);
      for (const event of batch) {
        if (stopped.aborted) return;
        yield event;
        from = event.position;
      }
      caughtUp = batch.length < batchSize;
      if (caughtUp) {
        if (head && (from === 'start' || comparePositions(head, from) > 0)) from = head;
        if (announced) continue;
        const quick = performance.now() < quickUntil;
        const interval = quick ? Math.max(source.pollIntervalMs, lagMs) : idlePollIntervalMs;
        await source.signal.wait(interval, stopped, wants);
      }
    }
  }

  const iterator = run();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async stop() {
      stopper.abort();
      await iterator.return(undefined);
    },
  };
}
