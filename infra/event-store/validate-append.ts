import type { ExpectedRevision, NewEvent, StreamAppend } from '../../ports/event-store.ts';
import { InvalidAppend } from '../../ports/event-store-errors.ts';
import { isValidStreamName } from './stream-name.ts';

const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.]{0,127}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Refuses a malformed append before any backend sees it, so every adapter rejects the same input
 * with the same typed error and nothing is written. Throws `InvalidAppend` naming the field.
 */
export function validateAppend(
  stream: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): void {
  if (!isValidStreamName(stream)) {
    throw new InvalidAppend(
      'stream',
      `"${stream}" is not a valid stream name: use <category>-<id> with letters, digits and . _ ~ : @ + = -`,
    );
  }
  validateExpected(expected);
  if (events.length === 0) throw new InvalidAppend('events', 'must hold at least one event');
  const seen = new Set<string>();
  events.forEach((event, index) => {
    const at = `events[${index}]`;
    if (typeof event.id !== 'string' || !UUID.test(event.id)) {
      throw new InvalidAppend(`${at}.id`, 'must be a UUID (use newEventId())');
    }
    const id = event.id.toLowerCase();
    if (seen.has(id)) throw new InvalidAppend(`${at}.id`, 'appears twice in one append');
    seen.add(id);
    if (typeof event.type !== 'string' || !EVENT_TYPE.test(event.type)) {
      throw new InvalidAppend(
        `${at}.type`,
        'must be a non-empty name of letters and digits (e.g. StockReserved)',
      );
    }
    assertPlainJson(event.data, `${at}.data`, true);
    assertPlainJson(event.metadata, `${at}.metadata`, true);
  });
}

export function validateMulti(appends: readonly StreamAppend[]): void {
  if (appends.length === 0) throw new InvalidAppend('appends', 'must hold at least one stream');
  const streams = new Set<string>();
  for (const append of appends) {
    validateAppend(append.stream, append.events, append.expected);
    if (streams.has(append.stream)) throw new InvalidAppend('appends', `names ${append.stream} twice`);
    streams.add(append.stream);
  }
}

function validateExpected(expected: ExpectedRevision): void {
  if (typeof expected === 'number') {
    if (!Number.isSafeInteger(expected) || expected < 0) {
      throw new InvalidAppend('expected', `must be a revision of 0 or more, got ${expected}`);
    }
    return;
  }
  if (expected !== 'any' && expected !== 'no_stream' && expected !== 'stream_exists') {
    throw new InvalidAppend(
      'expected',
      `must be any, no_stream, stream_exists or a revision, got ${String(expected)}`,
    );
  }
}

/**
 * Only values that survive a JSON round trip unchanged: anything else (undefined, NaN, bigint,
 * functions, Dates, Maps, cycles) would be stored as something other than what the caller holds.
 */
function assertPlainJson(
  value: unknown,
  path: string,
  mustBeObject: boolean,
  ancestors: object[] = [],
): void {
  if (value === null) {
    if (mustBeObject) throw new InvalidAppend(path, 'must be a JSON object');
    return;
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      if (mustBeObject) throw new InvalidAppend(path, 'must be a JSON object');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new InvalidAppend(path, `is ${value}, which JSON cannot hold`);
      if (mustBeObject) throw new InvalidAppend(path, 'must be a JSON object');
      return;
    case 'object':
      break;
    default:
      throw new InvalidAppend(path, `is a ${typeof value}, which JSON cannot hold`);
  }
  if (ancestors.includes(value)) throw new InvalidAppend(path, 'refers back to itself (a cycle)');
  const inner = [...ancestors, value];
  if (Array.isArray(value)) {
    if (mustBeObject) throw new InvalidAppend(path, 'must be a JSON object, not an array');
    value.forEach((item, index) => assertPlainJson(item, `${path}[${index}]`, false, inner));
    return;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
    throw new InvalidAppend(path, `is a ${kind}; store plain JSON (e.g. an ISO string for a date)`);
  }
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue; // dropped by JSON like an absent key, which reads back the same
    assertPlainJson(item, `${path}.${key}`, false, inner);
  }
}
