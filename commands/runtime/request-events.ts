import type { DomainEvent } from '../../domain/decider.ts';
import type { EventStore, Position, RecordedEvent } from '../../ports/event-store.ts';
import type { CommandContext } from './command-context.ts';

/**
 * What marks the events of one client request: its `Idempotency-Key` and the actor it belongs to
 * (keys are per actor). Both are in every event's metadata, on every backend, so a retry whose
 * first run's answer was lost (a crash between append and reply) can find what that run appended
 * through the event store contract alone, instead of appending it again.
 */
export interface RequestMark {
  key: string;
  actorId: string;
}

/** The mark of the request a command runs for, or null when it came without an idempotency key. */
export function requestMark(context: CommandContext): RequestMark | null {
  const key = context.extra?.idempotencyKey;
  return typeof key === 'string' && key.length > 0 ? { key, actorId: context.actor.id } : null;
}

export function carriesMark(event: RecordedEvent, mark: RequestMark): boolean {
  return event.metadata.idempotencyKey === mark.key && event.metadata.actor.id === mark.actorId;
}

/** The request's events in a short stream (an order's, a product's), read whole. */
export async function markedEventsIn(
  store: EventStore,
  stream: string,
  mark: RequestMark,
): Promise<RecordedEvent[]> {
  return (await store.readStream(stream)).filter((event) => carriesMark(event, mark));
}

/** How far back from a long stream's end a retry looks for its first run's events. */
export const DEFAULT_LOOK_BACK = 2_000;
const PAGE = 200;

/**
 * The request's latest events in a stream that may be long (a hot SKU's stock), read backwards from
 * its end. One request's events in one stream come from one append, so they are contiguous: the
 * scan stops at the first unmarked event after marked ones, and after `lookBack` events at most (a
 * retry comes soon after its first run; a run further back is not found and the caller says so).
 */
export async function recentMarkedEventsIn(
  store: EventStore,
  stream: string,
  mark: RequestMark,
  lookBack = DEFAULT_LOOK_BACK,
): Promise<RecordedEvent[]> {
  const found: RecordedEvent[] = [];
  let fromRevision: number | undefined;
  for (let scanned = 0; scanned < lookBack;) {
    const page = await store.readStream(stream, {
      direction: 'backwards',
      maxCount: Math.min(PAGE, lookBack - scanned),
      ...(fromRevision === undefined ? {} : { fromRevision }),
    });
    for (const event of page) {
      if (carriesMark(event, mark)) found.unshift(event);
      else if (found.length > 0) return found;
    }
    scanned += page.length;
    const last = page.at(-1);
    if (page.length === 0 || !last || last.revision === 0) break;
    fromRevision = last.revision - 1;
  }
  return found;
}

/** What an earlier run of the request appended to a stream, in the shape a command answers. */
export interface EarlierRun {
  events: DomainEvent[];
  /** The stream's revision after that run's last event. */
  revision: number;
  position: Position;
}

/**
 * When an earlier run of this request died mid-request (`context.resumed`), what it appended to
 * `stream`, if anything: the command answers that rather than deciding again, which would apply
 * it twice (a second stock receipt, a second refund) or refuse it (the product now exists).
 */
export async function earlierRun(
  store: EventStore,
  stream: string,
  context: CommandContext,
): Promise<EarlierRun | null> {
  const mark = context.resumed ? requestMark(context) : null;
  if (!mark) return null;
  const found = await recentMarkedEventsIn(store, stream, mark);
  const last = found.at(-1);
  if (!last) return null;
  return {
    events: found.map((event) => ({ type: event.type, data: event.data })),
    revision: last.revision,
    position: last.position,
  };
}
