import type { RecordedEvent } from '../../ports/event-store.ts';

/** Default subject prefix and JetStream stream name; both are configurable so test runs never collide. */
export const defaultSubjectPrefix = 'events';
export const defaultStreamName = 'QM_EVENTS';

/** The stream category: the part of the stream name before the first `-` (`order-42` → `order`). */
export function streamCategory(stream: string): string {
  const dash = stream.indexOf('-');
  return dash === -1 ? stream : stream.slice(0, dash);
}

/**
 * `<prefix>.<stream category>.<event type>`. NATS subject tokens may not hold `.`, `*`, `>` or
 * whitespace; such characters become `_` so a strange category can never widen a filter.
 */
export function eventSubject(prefix: string, event: Pick<RecordedEvent, 'stream' | 'type'>): string {
  return `${prefix}.${token(streamCategory(event.stream))}.${token(event.type)}`;
}

function token(value: string): string {
  const cleaned = value.replace(/[.*>\s]/g, '_');
  return cleaned.length > 0 ? cleaned : '_';
}

/**
 * NATS subject matching (`*` one token, `>` the rest) for the in-process bus and client-side
 * filters: whether a subject matches any of `filters`. The filters are split once, not per message:
 * a consumer asks this of every message delivered to it, on server 2.9 also of every event it has
 * no use for (a checkout flow's cart events).
 */
export function subjectFilter(filters: readonly string[]): (subject: string) => boolean {
  const split = filters.map((filter) => filter.split('.'));
  return (subject) => {
    const tokens = subject.split('.');
    return split.some((filter) => tokensMatch(filter, tokens));
  };
}

function tokensMatch(f: readonly string[], s: readonly string[]): boolean {
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '>') return s.length > i;
    if (i >= s.length) return false;
    if (f[i] !== '*' && f[i] !== s[i]) return false;
  }
  return f.length === s.length;
}
