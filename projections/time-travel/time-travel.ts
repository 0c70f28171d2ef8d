import type { EventStore, RecordedEvent } from '../../ports/event-store.ts';
import { comparePositions } from '../../ports/position.ts';
import { eventTime, eventView, type EventView } from './event-view.ts';
import { describePointInTime, type PointInTime } from './point-in-time.ts';
import { foldableCategories, folderForStream } from './stream-deciders.ts';

/** Time travel asked about a stream no aggregate owns (no decider to fold it with). */
export class UnknownStreamCategory extends Error {
  override readonly name = 'UnknownStreamCategory';
  constructor(readonly stream: string) {
    super(
      `No aggregate owns stream "${stream}": time travel folds ${foldableCategories.map((c) => `${c}-…`).join(', ')} streams`,
    );
  }
}

/** Streams are read in pages of this many events, so a long hot stream never sits in memory at once. */
const PAGE = 500;

/** A page of a stream's history (`qm stream show`). */
export interface StreamHistory {
  stream: string;
  /** Revision of the stream's last event; null for a stream with no events. */
  revision: number | null;
  events: EventView[];
}

export async function streamHistory(
  store: EventStore,
  stream: string,
  options: { fromRevision?: number; limit?: number } = {},
): Promise<StreamHistory> {
  const [events, revision] = await Promise.all([
    store.readStream(stream, { fromRevision: options.fromRevision ?? 0, maxCount: options.limit ?? 100 }),
    store.streamRevision(stream),
  ]);
  return { stream, revision, events: events.map(eventView) };
}

/** Who changed an aggregate, most recent first. */
export interface ChangedBy {
  actor: { id: string; role: string };
  events: number;
  lastAt: string;
}

/** An aggregate as it stood at a point in time (`qm stream at`, `GET /admin/streams/{stream}/at`). */
export interface StateAt {
  stream: string;
  category: string;
  /** The point asked for, as an ISO time or a position token. */
  at: string;
  /** The last event folded in (null: the stream had no event yet then). */
  asOf: { revision: number; position: string; occurredAt: string } | null;
  state: unknown;
  /** Events folded in: every event of the stream up to the point. */
  eventCount: number;
  /** The last `eventLimit` of them, oldest first: what led to this state. */
  events: EventView[];
  changedBy: ChangedBy[];
}

/**
 * Folds the stream's events up to `at` with its aggregate's `evolve` (the decider picked by the
 * stream's category). The history is cut at the first event after the point: by its command's
 * `occurredAt` for a time, by its global position for a position. Returns null when the stream
 * has no events at all. Throws `UnknownStreamCategory` for streams of no aggregate.
 */
export async function stateAt(
  store: EventStore,
  stream: string,
  at: PointInTime,
  options: {
    eventLimit?: number;
    /** Brings old event versions to their current shape before folding (the commands' upcaster registry). */
    upcast?: (event: RecordedEvent) => RecordedEvent;
  } = {},
): Promise<StateAt | null> {
  const found = folderForStream(stream);
  if (!found) throw new UnknownStreamCategory(stream);
  const eventLimit = options.eventLimit ?? 50;
  const isAfter = (event: RecordedEvent) =>
    at.kind === 'time'
      ? eventTime(event).getTime() > at.time.getTime()
      : comparePositions(event.position, at.position) > 0;

  let state = found.folder.initialState();
  let last: RecordedEvent | null = null;
  let eventCount = 0;
  let recent: RecordedEvent[] = [];
  const changedBy = new Map<string, ChangedBy>();
  let any = false;
  scan: for (let from = 0; ; from += PAGE) {
    const page = await store.readStream(stream, { fromRevision: from, maxCount: PAGE });
    if (page.length > 0) any = true;
    for (const event of page) {
      if (isAfter(event)) break scan;
      const current = options.upcast ? options.upcast(event) : event;
      state = found.folder.evolve(state, { type: current.type, data: current.data });
      last = event;
      eventCount++;
      recent.push(event);
      if (recent.length > 2 * eventLimit) recent = recent.slice(-eventLimit);
      const { actor } = event.metadata;
      const key = `${actor.role}:${actor.id}`;
      const seen = changedBy.get(key) ?? { actor, events: 0, lastAt: '' };
      changedBy.set(key, { ...seen, events: seen.events + 1, lastAt: eventTime(event).toISOString() });
    }
    if (page.length < PAGE) break;
  }
  if (!any) return null;
  return {
    stream,
    category: found.category,
    at: describePointInTime(at),
    asOf: last && {
      revision: last.revision,
      position: eventView(last).position,
      occurredAt: eventTime(last).toISOString(),
    },
    state: found.folder.present ? found.folder.present(state) : state,
    eventCount,
    events: (eventLimit > 0 ? recent.slice(-eventLimit) : []).map(eventView),
    changedBy: [...changedBy.values()].sort((a, b) =>
      a.lastAt < b.lastAt ? 1 : a.lastAt > b.lastAt ? -1 : 0,
    ),
  };
}
