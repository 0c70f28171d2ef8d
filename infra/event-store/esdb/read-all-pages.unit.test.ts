import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  type Direction,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import { describe, expect, it } from 'vitest';
import { comparePositions } from '../../../ports/position.ts';
import { readMatching, type PagedEvent, type ReadPage } from './read-all-pages.ts';

/**
 * A `$all` log that reads the way the server does: from an inclusive position, in either
 * direction, at most `maxCount` events that pass the server-side predicate.
 */
function log(events: PagedEvent[], serverSide: (event: PagedEvent) => boolean = () => true) {
  const pages: { from: ReadPosition; direction: Direction; maxCount: number }[] = [];
  const read: ReadPage<PagedEvent> = async function* (from, direction, maxCount) {
    pages.push({ from, direction, maxCount });
    const ordered = direction === FORWARDS ? events : [...events].reverse();
    const inRange = ordered.filter((event) => {
      if (from === START || from === END) return true;
      const order = comparePositions(event.position, from);
      return direction === FORWARDS ? order >= 0 : order <= 0;
    });
    for (const event of inRange.filter(serverSide).slice(0, maxCount)) yield { event };
  };
  return { read, pages };
}

const event = (n: number, streamId = `order-${n}`, type = 'OrderPlaced'): PagedEvent => ({
  streamId,
  type,
  position: { commit: BigInt(n * 100), prepare: BigInt(n * 100) },
});
const numbers = (events: PagedEvent[]) => events.map((e) => Number(e.position.commit / 100n));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const all = () => true;

describe('readMatching', () => {
  it('reads a batch from the start', async () => {
    const { read } = log(range(1, 10).map((n) => event(n)));
    expect(
      numbers(await readMatching(read, { from: 'start', direction: FORWARDS, count: 4, accepts: all })),
    ).toEqual([1, 2, 3, 4]);
  });

  it('skips the event at the exclusive position and still fills the batch', async () => {
    const { read } = log(range(1, 10).map((n) => event(n)));
    const from = event(4).position;
    expect(numbers(await readMatching(read, { from, direction: FORWARDS, count: 3, accepts: all }))).toEqual([
      5, 6, 7,
    ]);
  });

  it('batches chained on the last position see every event once, in order', async () => {
    const { read } = log(range(1, 25).map((n) => event(n)));
    const seen: PagedEvent[] = [];
    let from: PagedEvent['position'] | 'start' = 'start';
    for (;;) {
      const batch: PagedEvent[] = await readMatching(read, {
        from,
        direction: FORWARDS,
        count: 7,
        accepts: all,
      });
      if (batch.length === 0) break;
      seen.push(...batch);
      from = batch.at(-1)!.position;
    }
    expect(numbers(seen)).toEqual(range(1, 25));
  });

  it('pages on past events the client-side filter drops, instead of answering a short or empty batch', async () => {
    // Server filters by category; the type is checked on the client, and the first 20 do not match.
    const events = range(1, 30).map((n) => event(n, `order-${n}`, n > 20 ? 'Kept' : 'Dropped'));
    const { read, pages } = log(events, (e) => e.streamId.startsWith('order-'));
    const batch = await readMatching(read, {
      from: 'start',
      direction: FORWARDS,
      count: 5,
      accepts: (e) => e.type === 'Kept',
    });
    expect(numbers(batch)).toEqual([21, 22, 23, 24, 25]);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.slice(1).every((page) => page.from !== START)).toBe(true);
  });

  it('stops at the end of the log with what it found', async () => {
    const events = range(1, 12).map((n) => event(n, `order-${n}`, n % 4 === 0 ? 'Kept' : 'Dropped'));
    const { read } = log(events);
    const batch = await readMatching(read, {
      from: 'start',
      direction: FORWARDS,
      count: 10,
      accepts: (e) => e.type === 'Kept',
    });
    expect(numbers(batch)).toEqual([4, 8, 12]);
    expect(
      await readMatching(read, { from: event(12).position, direction: FORWARDS, count: 10, accepts: all }),
    ).toEqual([]);
  });

  it('finds the last accepted event reading backwards from the end', async () => {
    const events = [
      ...range(1, 5).map((n) => event(n)),
      ...range(6, 9).map((n) => event(n, '$projections-x-result', 'Result')),
    ];
    const { read } = log(events);
    const [last] = await readMatching(read, {
      from: 'end',
      direction: BACKWARDS,
      count: 1,
      accepts: (e) => !e.streamId.startsWith('$'),
    });
    expect(numbers([last!])).toEqual([5]);
  });

  it('gives up rather than loop when a page gets no further than the cursor', async () => {
    const stuck: ReadPage<PagedEvent> = async function* (_from, _direction, maxCount) {
      for (let i = 0; i < maxCount; i++) yield { event: event(3) };
    };
    const from = event(3).position;
    expect(await readMatching(stuck, { from, direction: FORWARDS, count: 5, accepts: all })).toEqual([]);
  });

  it('answers nothing on an empty log', async () => {
    const { read } = log([]);
    expect(await readMatching(read, { from: 'end', direction: BACKWARDS, count: 1, accepts: all })).toEqual(
      [],
    );
    expect(await readMatching(read, { from: 'start', direction: FORWARDS, count: 1, accepts: all })).toEqual(
      [],
    );
  });
});
