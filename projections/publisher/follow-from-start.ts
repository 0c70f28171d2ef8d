import type { EventStore, RecordedEvent } from '../../ports/event-store.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import type { SinkProjection } from '../runtime/projection.ts';

export interface FollowingSink {
  stop(): Promise<void>;
  /** Rejects if delivery failed for good (the follower stops; it never skips an event). */
  readonly done: Promise<void>;
}

/**
 * Feeds a sink from the start of the log without a stored checkpoint: for the in-process bus of
 * embedded mode, which starts empty with every process, so its publisher must start over too
 * (consumers are idempotent by event id and skip what they handled before). Batches whatever the
 * subscription has ready; a failed delivery is retried with backoff, never skipped.
 */
export function followFromStart(
  store: EventStore,
  sink: SinkProjection,
  log: Logger,
  options: { batchSize?: number } = {},
): FollowingSink {
  const batchSize = options.batchSize ?? 500;
  const subscription = store.subscribe({
    from: 'start',
    ...(sink.filter ? { filter: sink.filter } : {}),
    batchSize,
  });
  let stopping = false;
  const iterator = subscription[Symbol.asyncIterator]();

  async function deliver(batch: RecordedEvent[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await sink.deliver(batch);
      } catch (error) {
        if (stopping) throw error;
        log.warn({ err: error, sink: sink.name, attempt }, 'sink delivery failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 10_000)));
      }
    }
  }

  const done = (async () => {
    let pending: Promise<IteratorResult<RecordedEvent>> | undefined;
    const batch: RecordedEvent[] = [];
    while (!stopping) {
      pending ??= iterator.next();
      // Take what arrives until the subscription would make us wait, then deliver that batch.
      const next = batch.length === 0 ? await pending : await Promise.race([pending, idle()]);
      if (next === 'idle') {
        await deliver(batch.splice(0));
        continue;
      }
      pending = undefined;
      if (next.done) break;
      batch.push(next.value);
      if (batch.length >= batchSize) await deliver(batch.splice(0));
    }
    if (batch.length > 0 && !stopping) await deliver(batch.splice(0));
  })();

  return {
    done,
    async stop() {
      stopping = true;
      await subscription.stop();
      await done.catch(() => undefined);
    },
  };
}

function idle(): Promise<'idle'> {
  return new Promise((resolve) => setImmediate(() => resolve('idle')));
}
