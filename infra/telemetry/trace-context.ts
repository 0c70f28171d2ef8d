import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Link,
  type Span,
  type SpanContext,
} from '@opentelemetry/api';
import { parseTraceParent } from '@opentelemetry/core';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { isTracing } from './tracing-state.ts';

/** The one tracer of the code base's own spans (append, projector batch, consumer). */
export const tracer = trace.getTracer('quartermaster');

/** A W3C `traceparent` header value as stored in event metadata, or undefined for anything else. */
export function validTraceparent(value: unknown): string | undefined {
  return typeof value === 'string' && parseTraceParent(value) ? value : undefined;
}

/** The `traceparent` of a span, as W3C trace context writes it. */
export function traceparentOf(span: Span | SpanContext): string {
  const context = 'spanContext' in span ? span.spanContext() : span;
  const flags = (context.traceFlags & 0xff).toString(16).padStart(2, '0');
  return `00-${context.traceId}-${context.spanId}-${flags}`;
}

/** The `traceparent` of the span running now, when tracing is on and one runs. */
export function activeTraceparent(): string | undefined {
  if (!isTracing()) return undefined;
  const span = trace.getActiveSpan();
  return span?.isRecording() ? traceparentOf(span) : undefined;
}

/** The trace id of the span running now, for log lines; undefined when tracing is off. */
export function activeTraceId(): string | undefined {
  if (!isTracing()) return undefined;
  return trace.getActiveSpan()?.spanContext().traceId;
}

function spanContextOf(event: RecordedEvent): SpanContext | null {
  const traceparent = event.metadata.traceparent;
  return typeof traceparent === 'string' ? parseTraceParent(traceparent) : null;
}

/** A batch links at most this many of its events' traces: a replay's batch holds thousands. */
const MAX_LINKS = 32;

/**
 * Where the span of work on some events belongs: under the trace of the first event that carries
 * one (a single order's batch then continues its trace), linked to the others' traces.
 */
function parentAndLinks(events: readonly RecordedEvent[]): { parent: Context; links: Link[] } {
  let parent: Context = ROOT_CONTEXT;
  let parentSpan: string | undefined;
  const links: Link[] = [];
  const seen = new Set<string>();
  for (const event of events) {
    const context = spanContextOf(event);
    if (!context || seen.has(context.spanId)) continue;
    seen.add(context.spanId);
    if (parentSpan === undefined) {
      parentSpan = context.spanId;
      parent = trace.setSpanContext(ROOT_CONTEXT, { ...context, isRemote: true });
    } else if (links.length < MAX_LINKS) {
      links.push({ context });
    }
  }
  return { parent, links };
}

/**
 * Runs `work` inside a span that continues the traces recorded in the events' metadata; when
 * tracing is off it just runs `work` (one boolean check, no allocation).
 */
export function withEventsSpan<T>(
  name: string,
  kind: 'internal' | 'consumer',
  events: readonly RecordedEvent[],
  attributes: Record<string, string | number>,
  work: () => Promise<T>,
): Promise<T> {
  if (!isTracing()) return work();
  const { parent, links } = parentAndLinks(events);
  return tracer.startActiveSpan(
    name,
    {
      kind: kind === 'consumer' ? SpanKind.CONSUMER : SpanKind.INTERNAL,
      links,
      attributes: { ...attributes, 'qm.events': events.length },
    },
    parent,
    (span) => endAfter(span, work),
  );
}

/** Ends `span` when `work` settles, marking it failed when `work` throws. */
export async function endAfter<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}
