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

/** NATS subject matching (`*` one token, `>` the rest), for the in-process bus and client-side filters. */
export function subjectMatches(filter: string, subject: string): boolean {
  const f = filter.split('.');
  const s = subject.split('.');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '>') return s.length > i;
    if (i >= s.length) return false;
    if (f[i] !== '*' && f[i] !== s[i]) return false;
  }
  return f.length === s.length;
}
