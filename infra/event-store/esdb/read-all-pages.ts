import { END, START, type Direction, type ReadPosition } from '@kurrent/kurrentdb-client';
import type { Position } from '../../../ports/position.ts';
import type { FilterableEvent } from './filters.ts';
import { isBeyond } from './global-order.ts';

export interface PagedEvent extends FilterableEvent {
  position: Position;
}

/** One server read of `$all` from an inclusive position, with the server-side filter already bound. */
export type ReadPage<E extends PagedEvent> = (
  from: ReadPosition,
  direction: Direction,
  maxCount: number,
) => AsyncIterable<{ event?: E | undefined }>;

export interface MatchingRequest<E extends PagedEvent> {
  /** Exclusive, as in our contract. */
  from: Position | 'start' | 'end';
  direction: Direction;
  count: number;
  /** The client-side part of the filter. */
  accepts: (event: E) => boolean;
}

/**
 * Up to `count` events strictly after `from` that `accepts` takes. A server page can hold fewer
 * matches than asked (the event at the inclusive cursor comes back first, and the client-side part
 * of the filter drops more), and an empty batch would tell a projector it has caught up; so this
 * pages on from the last event seen until it has `count` events or a page comes back short (the end).
 */
export async function readMatching<E extends PagedEvent>(
  readPage: ReadPage<E>,
  request: MatchingRequest<E>,
): Promise<E[]> {
  const found: E[] = [];
  if (request.count <= 0) return found;
  let cursor: ReadPosition = request.from === 'start' ? START : request.from === 'end' ? END : request.from;
  let after: Position | null = typeof request.from === 'object' ? request.from : null;
  for (;;) {
    // One more than still needed: the event at the cursor itself may come back and be dropped.
    const pageSize = request.count - found.length + 1;
    let received = 0;
    let last: Position | null = null;
    for await (const { event } of readPage(cursor, request.direction, pageSize)) {
      received++;
      if (!event) continue;
      last = event.position;
      if (after && !isBeyond(event.position, after, request.direction)) continue;
      if (!request.accepts(event)) continue;
      found.push(event);
      if (found.length === request.count) return found;
    }
    // A short page is the end of the log; a page that got nowhere past the cursor would repeat forever.
    if (received < pageSize || !last || (after && !isBeyond(last, after, request.direction))) return found;
    cursor = last;
    after = last;
  }
}
