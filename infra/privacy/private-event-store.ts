import type { Position } from '../../ports/position.ts';
import type { EventStore, RecordedEvent, Subscription } from '../../ports/event-store.ts';
import type { EventPrivacy } from './event-privacy.ts';

/**
 * The event store with crypto-shredding: personal fields are sealed at append and opened at every
 * read, so deciders, projectors, the publisher and the CLI all see plain text while the subject's
 * key exists, and `[erased]` after. What the backend stores (the log, its backups, its WAL) only
 * ever holds the sealed form. Wraps any backend; `ops/compose/event-store.ts` puts it around the
 * one the configuration opens.
 */
export function privateEventStore(inner: EventStore, privacy: EventPrivacy): EventStore {
  return {
    capabilities: inner.capabilities,
    async append(stream, events, expected) {
      return inner.append(stream, await privacy.seal(events), expected);
    },
    async appendMulti(appends) {
      const sealed = await privacy.seal(appends.flatMap((append) => append.events));
      let next = 0;
      return inner.appendMulti(
        appends.map((append) => ({ ...append, events: sealed.slice(next, (next += append.events.length)) })),
      );
    },
    async readStream(stream, options) {
      return privacy.open(await inner.readStream(stream, options));
    },
    streamRevision: (stream) => inner.streamRevision(stream),
    async readAll(options) {
      return privacy.open(await inner.readAll(options));
    },
    headPosition: () => inner.headPosition(),
    ...(inner.isCommitted ? { isCommitted: (position: Position) => inner.isCommitted!(position) } : {}),
    async readAllWithHead(options) {
      const { events, head } = await inner.readAllWithHead(options);
      return { events: await privacy.open(events), head };
    },
    subscribe(options) {
      return openedSubscription(inner.subscribe(options), privacy);
    },
    // Without these, every reader of this store slept out its poll: an append never woke it.
    ...(inner.waitForAppend
      ? {
          waitForAppend: (timeoutMs: number, signal: AbortSignal, since?: number) =>
            inner.waitForAppend!(timeoutMs, signal, since),
        }
      : {}),
    ...(inner.appendSequence ? { appendSequence: () => inner.appendSequence!() } : {}),
    close: () => inner.close(),
  };
}

function openedSubscription(inner: Subscription, privacy: EventPrivacy): Subscription {
  async function* opened(): AsyncGenerator<RecordedEvent> {
    for await (const event of inner) yield (await privacy.open([event]))[0]!;
  }
  const iterator = opened();
  return {
    [Symbol.asyncIterator]: () => iterator,
    stop: () => inner.stop(),
  };
}
