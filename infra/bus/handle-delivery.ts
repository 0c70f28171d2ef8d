import type { RecordedEvent } from '../../ports/event-store.ts';
import type { Logger } from '../logging/logger.ts';
import { withEventsSpan } from '../telemetry/trace-context.ts';
import type { ConsumeOptions } from './event-bus.ts';
import { isLastDelivery, redeliveryDelayMs } from './redelivery.ts';

export type DeliveryOutcome = { kind: 'ack' } | { kind: 'retry'; delayMs: number };

export const defaultMaxBatch = 256;

/**
 * One delivery of one event to a consumer, the same on every bus: handled → acknowledge; failed →
 * redeliver after a backoff; failed for the last time → hand it to `onGiveUp` (parking it) and
 * acknowledge, or, should parking fail too, keep redelivering. Nothing is ever dropped.
 *
 * @param deliveries 1-based count of deliveries of this event, including this one.
 */
export async function handleDelivery(
  options: ConsumeOptions,
  event: RecordedEvent,
  deliveries: number,
  log: Logger,
): Promise<DeliveryOutcome> {
  try {
    // Continues the trace of the command that appended the event (its metadata's `traceparent`).
    await withEventsSpan(
      'qm.consume',
      'consumer',
      [event],
      { 'qm.consumer': options.durable, 'qm.event_type': event.type },
      () => options.handle(event),
    );
    return { kind: 'ack' };
  } catch (error) {
    const context = { err: error, durable: options.durable, eventId: event.id, type: event.type, deliveries };
    if (isLastDelivery(options, deliveries)) {
      try {
        await options.onGiveUp!(event, error);
        log.error(context, 'event failed on its last delivery; parked');
        return { kind: 'ack' };
      } catch (parkError) {
        log.error({ ...context, parkError }, 'event failed and could not be parked; redelivering');
      }
    } else {
      log.warn(context, 'event handling failed; will redeliver');
    }
    return { kind: 'retry', delayMs: redeliveryDelayMs(options, deliveries) };
  }
}

/**
 * First deliveries of several events at once: one `handleBatch` call when the consumer has it (one
 * transaction instead of one per event), every event acknowledged when it resolves. If it throws,
 * nothing of it counts: each event then goes through `handleDelivery` alone, so the one that fails
 * is retried or parked by itself and the others are acknowledged. Outcomes are in the events' order.
 */
export async function handleBatchDelivery(
  options: ConsumeOptions,
  events: readonly RecordedEvent[],
  log: Logger,
): Promise<DeliveryOutcome[]> {
  if (options.handleBatch && events.length > 1) {
    const handleBatch = options.handleBatch.bind(options);
    try {
      await withEventsSpan(
        'qm.consume',
        'consumer',
        events,
        { 'qm.consumer': options.durable, 'qm.batch_size': events.length },
        () => handleBatch(events),
      );
      return events.map(() => ({ kind: 'ack' }));
    } catch (error) {
      log.warn(
        { err: error, durable: options.durable, events: events.length },
        'batch handling failed; handling its events one by one',
      );
    }
  }
  const outcomes: DeliveryOutcome[] = [];
  for (const event of events) outcomes.push(await handleDelivery(options, event, 1, log));
  return outcomes;
}
