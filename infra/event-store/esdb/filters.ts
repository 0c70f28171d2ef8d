import {
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type Filter,
} from '@kurrent/kurrentdb-client';
import type { EventFilter } from '../../../ports/event-store.ts';
import { eventFilterMatcher } from '../event-filter.ts';

/** The parts of a stored event a filter looks at. */
export interface FilterableEvent {
  streamId: string;
  type: string;
}

/**
 * How one `EventFilter` runs on ESDB. The server takes one filter kind per read (stream name or
 * event type), so it gets the most selective part and `accepts` re-checks everything on the client.
 */
export interface FilterPlan {
  server: Filter;
  accepts: (event: FilterableEvent) => boolean;
  /** An empty category or type list matches no event (as in the SQL backends): no need to ask the server. */
  matchesNothing: boolean;
}

/** A regex no stream name matches: keeps a subscription with an empty list open but silent. */
const NOTHING = '(?!)';

/** `$`-prefixed streams and types are the server's own (metadata, links, projections, stats). */
export function isSystemEvent(event: FilterableEvent): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

/**
 * Stream-name prefixes when categories are given (`order-` matches exactly the `order` category,
 * since a category holds no `-`); else the event types as an exact regex (a type prefix filter would
 * also match `StockReservedV2` for `StockReserved`); else a regex excluding `$` types. Whichever is
 * used, system events never match: our categories and types cannot start with `$`.
 */
export function planFilter(filter: EventFilter = {}): FilterPlan {
  const { categories, eventTypes } = filter;
  const matchesNothing = categories?.length === 0 || eventTypes?.length === 0;
  const categorySet = categories?.length ? new Set(categories) : null;
  const typeSet = eventTypes?.length ? new Set(eventTypes) : null;
  const matches = eventFilterMatcher(filter);
  let server: Filter;
  if (matchesNothing) server = streamNameFilter({ regex: NOTHING });
  else if (categorySet)
    server = streamNameFilter({ prefixes: [...categorySet].map((category) => `${category}-`) });
  else if (typeSet) server = eventTypeFilter({ regex: exactAlternatives([...typeSet]) });
  else server = excludeSystemEvents();
  return {
    server,
    matchesNothing,
    accepts: (event) => !matchesNothing && !isSystemEvent(event) && matches(event.streamId, event.type),
  };
}

/** `^(?:A|B)$` with each name taken literally. */
export function exactAlternatives(names: readonly string[]): string {
  return `^(?:${names.map(escapeRegex).join('|')})$`;
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
