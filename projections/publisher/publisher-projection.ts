import type { EventBus } from '../../infra/bus/event-bus.ts';
import type { SinkProjection } from '../runtime/projection.ts';

export const publisherName = 'publisher';

/**
 * Publishes every event to the bus (`events.<category>.<type>`, message id = event id). `deliver`
 * resolves only when the bus acknowledged every message, so the projector runtime advances the
 * checkpoint only then; a crash in between re-sends the batch and the bus drops the duplicates.
 *
 * No `reset`: the bus is a log that consumers hold positions in; a replay re-sends and consumers,
 * idempotent by event id, ignore what they already handled.
 */
export function publisherProjection(bus: EventBus, name = publisherName): SinkProjection {
  return { name, deliver: (events) => bus.publish(events), checkpointEveryMs: CHECKPOINT_EVERY_MS };
}

/**
 * The publisher saves its checkpoint a few times a second, not after every batch: keeping up with
 * a shop whose carts append a few events per request, it published every append or two, and each
 * save was a transaction (2.1–2.3 of the 10–11 projector transactions per checkout in diagnosis
 * runs of the checkout bench). A crash now publishes up to a quarter second again, which the
 * stream's duplicate window drops.
 */
const CHECKPOINT_EVERY_MS = 250;
