import type {
  Position,
  ReadAllOptions,
  ReadWithHead,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../../ports/event-store.ts';
import { comparePositions } from '../../ports/position.ts';
import type { Appended, AppendSignal } from './append-signal.ts';
import { eventFilterMatcher } from './event-filter.ts';

export interface PollingSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  headPosition(): Promise<Position | null>;
  /** A filtered read and the head from one snapshot in one statement, where the store has it. */
  readAllWithHead?(options: ReadAllOptions): Promise<ReadWithHead>;
  signal: AppendSignal;
  /** Longest wait between reads when idle: bounds the lag behind appends made by other processes. */
  pollIntervalMs: number;
}

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
  const matches = options.filter ? eventFilterMatcher(options.filter) : undefined;
  const wants = matches && (({ stream, type }: Appended) => matches(stream, type));

  async function readWithHead(from: Position | 'start'): Promise<ReadWithHead> {
    const read = { from, maxCount: batchSize, ...(options.filter ? { filter: options.filter } : {}) };
    if (!options.filter) return { events: await source.readAll(read), head: null };
    if (source.readAllWithHead) return source.readAllWithHead(read);
    const head = await source.headPosition();
    return { events: await source.readAll(read), head };
  }

  async function* run(): AsyncGenerator<RecordedEvent> {
    let from: Position | 'start' =
      options.from === 'end' ? ((await source.headPosition()) ?? 'start') : (options.from ?? 'start');
    while (!stopped.aborted) {
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
      if (batch.length < batchSize) {
        if (head && (from === 'start' || comparePositions(head, from) > 0)) from = head;
        await source.signal.wait(source.pollIntervalMs, stopped, wants);
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
