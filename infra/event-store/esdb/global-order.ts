import { BACKWARDS, type Direction } from '@kurrent/kurrentdb-client';
import type { Position } from '../../../ports/position.ts';
import { comparePositions } from '../../../ports/position.ts';

/**
 * Whether `position` lies strictly past `cursor` in the reading direction. Our `from` is exclusive
 * while ESDB's `fromPosition` is inclusive (a read from an event's position returns that event
 * first), so readers drop everything that is not beyond the cursor.
 */
export function isBeyond(position: Position, cursor: Position, direction: Direction): boolean {
  return comparePositions(position, cursor) === (direction === BACKWARDS ? -1 : 1);
}
