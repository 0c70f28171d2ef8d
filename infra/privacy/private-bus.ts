import type { EventBus } from '../bus/event-bus.ts';
import type { EventPrivacy } from './event-privacy.ts';

/**
 * The bus with crypto-shredding: events are published with their personal fields sealed (the
 * NATS stream's retained messages hold no plain text, and become unreadable when the key is
 * deleted) and opened again before a consumer's handler sees them.
 */
export function privateBus(inner: EventBus, privacy: EventPrivacy): EventBus {
  return {
    kind: inner.kind,
    async publish(events) {
      await inner.publish(await privacy.seal(events));
    },
    consume(options) {
      const handleBatch = options.handleBatch?.bind(options);
      return inner.consume({
        ...options,
        // `onGiveUp` keeps the sealed event: what gets parked holds no plain text either.
        handle: async (event) => options.handle((await privacy.open([event]))[0]!),
        // A delivery batch is opened too (one key lookup for the batch): without this, a consumer
        // taking batches saw sealed fields (a mail greeting `[object Object]`, no contact address).
        ...(handleBatch ? { handleBatch: async (events) => handleBatch(await privacy.open(events)) } : {}),
      });
    },
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}
