import { SpanKind, trace } from '@opentelemetry/api';
import type { EventStore, NewEvent, StreamAppend } from '../../ports/event-store.ts';
import { endAfter, traceparentOf, tracer } from './trace-context.ts';

/**
 * The event store with a span around every append. The events of the trace that appends them get
 * that span's `traceparent` in their metadata, so the projector batches and consumers that handle
 * them continue the trace below the append. Events of other traces in the same append (a group
 * commit carries several requests' commands) keep the `traceparent` their own request gave them.
 *
 * Only wired when tracing is on (`ops/compose/event-store.ts`): off, the store is not wrapped.
 */
export function tracedEventStore(store: EventStore): EventStore {
  const backend = store.capabilities.backend;
  const traced: Partial<EventStore> = {
    append: (stream, events, expected) =>
      tracer.startActiveSpan(
        'qm.append',
        {
          kind: SpanKind.CLIENT,
          attributes: { 'db.system': backend, 'qm.stream': stream, 'qm.events': events.length },
        },
        (span) => endAfter(span, () => store.append(stream, stamped(events, traceparentOf(span)), expected)),
      ),
    appendMulti: (appends) =>
      tracer.startActiveSpan(
        'qm.append',
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'db.system': backend,
            'qm.streams': appends.length,
            'qm.events': countEvents(appends),
          },
        },
        (span) => {
          const traceparent = traceparentOf(span);
          const stampedAppends = appends.map((a): StreamAppend => ({
            ...a,
            events: stamped(a.events, traceparent),
          }));
          return endAfter(span, () => store.appendMulti(stampedAppends));
        },
      ),
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'append' || property === 'appendMulti') return traced[property];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function countEvents(appends: readonly StreamAppend[]): number {
  let count = 0;
  for (const append of appends) count += append.events.length;
  return count;
}

/** The events with the append span as their `traceparent`, where they belong to its trace. */
function stamped(events: NewEvent[], traceparent: string): NewEvent[] {
  const traceId = trace.getActiveSpan()?.spanContext().traceId;
  return events.map((event) => {
    const own = event.metadata.traceparent;
    // `00-<trace id>-...`: an event of another request's trace keeps its own parent.
    if (typeof own === 'string' && own.slice(3, 35) !== traceId) return event;
    return { ...event, metadata: { ...event.metadata, traceparent } };
  });
}
