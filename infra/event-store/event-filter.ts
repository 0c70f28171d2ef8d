import type { EventFilter } from '../../ports/event-store.ts';
import { streamCategory } from './stream-name.ts';

/**
 * An `EventFilter` as a predicate over stream name and type, with the same meaning the backends
 * give it: categories and types each match exactly, both must match when both are given, and an
 * empty list matches nothing.
 */
export function eventFilterMatcher(filter: EventFilter = {}): (stream: string, type: string) => boolean {
  const categories = filter.categories ? new Set(filter.categories) : null;
  const types = filter.eventTypes ? new Set(filter.eventTypes) : null;
  return (stream, type) =>
    (!categories || categories.has(streamCategory(stream))) && (!types || types.has(type));
}
