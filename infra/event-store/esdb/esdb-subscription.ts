import { FORWARDS } from '@kurrent/kurrentdb-client';
import type { Position, RecordedEvent, Subscription } from '../../../ports/event-store.ts';
import type { FilterableEvent } from './filters.ts';
import { isBeyond } from './global-order.ts';
import { toRecordedEvent, type EsdbRecord } from './to-recorded-event.ts';

/** What this needs of the client's `subscribeToAll` answer (a Readable of resolved events). */
export interface SubscriptionSource {
  [Symbol.asyncIterator](): AsyncIterator<{ event?: EsdbRecord | undefined }>;
  unsubscribe(): Promise<void>;
  /** The client's subscription is a Readable: destroying it frees a read still waiting on it. */
  destroy?(): void;
}

export interface SubscriptionOptions {
  /** The caller's exclusive checkpoint, or `null` from the start or the end. */
  after: Position | null;
  /** The client-side part of the filter. */
  accepts: (event: FilterableEvent) => boolean;
  signal?: AbortSignal | undefined;
  /** Called once when the subscription ends, however it ends. */
  onStop?: () => void;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Our `Subscription` over a catch-up subscription to `$all`: drops what is not past the checkpoint
 * (ESDB positions are inclusive where ours are exclusive) or not accepted by the filter, and ends
 * on `stop()`, on the abort signal, or when the caller leaves its `for await` loop. A pending
 * `next()` resolves as done at once on stop instead of waiting for the next server message.
 */
export function esdbSubscription(source: SubscriptionSource, options: SubscriptionOptions): Subscription {
  const events = source[Symbol.asyncIterator]();
  let stopped = false;
  let wake!: (result: IteratorReturnResult<undefined>) => void;
  const stopping = new Promise<IteratorReturnResult<undefined>>((resolve) => (wake = resolve));
  const onAbort = () => void stop();

  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    options.signal?.removeEventListener('abort', onAbort);
    wake(DONE);
    // Cancelling a call that already failed or ended can throw; stopping it is all that is wanted.
    await source.unsubscribe().catch(() => undefined);
    source.destroy?.();
    // After an await on purpose: a signal aborted at creation stops before the caller holds the result.
    options.onStop?.();
  }

  if (options.signal?.aborted) void stop();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  const iterator: AsyncIterator<RecordedEvent, undefined> = {
    async next() {
      while (!stopped) {
        let result: IteratorResult<{ event?: EsdbRecord | undefined }>;
        try {
          result = await Promise.race([events.next(), stopping]);
        } catch (error) {
          await stop();
          throw error;
        }
        if (result.done) break;
        const { event } = result.value;
        if (!event) continue;
        // An event without a position is not skipped here: toRecordedEvent refuses it by name.
        if (options.after && event.position && !isBeyond(event.position, options.after, FORWARDS)) continue;
        if (!options.accepts(event)) continue;
        return { done: false, value: toRecordedEvent(event) };
      }
      await stop();
      return DONE;
    },
    async return() {
      await stop();
      return DONE;
    },
  };

  return { [Symbol.asyncIterator]: () => iterator, stop };
}
