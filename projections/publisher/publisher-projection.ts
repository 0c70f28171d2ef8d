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
  return { name, deliver: (events) => bus.publish(events) };
}
