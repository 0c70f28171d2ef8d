import type { EventStore, Position } from '../../ports/event-store.ts';

/**
 * The log's head as `/health` reports it: read at most once per `maxAgeMs`, in the background, so
 * a health probe under load never waits for a pooled connection behind the requests it is meant
 * to watch (`npm run bench -- http`: p99 110 ms with a query per probe). Only the very first
 * answer waits for a read. `/health/ready` still asks the store itself.
 */
export function headSnapshot(store: Pick<EventStore, 'headPosition'>, maxAgeMs = 1_000) {
  let head: Position | null = null;
  let readAt = 0;
  let reading: Promise<void> | null = null;
  let first: Promise<void> | null = null;

  const refresh = () =>
    (reading ??= store
      .headPosition()
      .then((position) => {
        head = position;
        readAt = Date.now();
      })
      .finally(() => (reading = null)));

  return async (): Promise<Position | null> => {
    if (readAt === 0) {
      // Until one read succeeded there is nothing to answer from: wait (and throw) like before.
      await (first ??= refresh().finally(() => (first = null)));
      return head;
    }
    if (Date.now() - readAt > maxAgeMs) refresh().catch(() => undefined); // the next probe retries
    return head;
  };
}
