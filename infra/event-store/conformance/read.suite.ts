import { describe, expect, it } from 'vitest';
import type { Position, RecordedEvent } from '../../../ports/event-store.ts';
import { comparePositions } from '../../../ports/position.ts';
import type { SuiteContext } from './context.ts';
import { event, events, eventually, uniqueCategory } from './fixtures.ts';

export function readSuite({ store }: SuiteContext): void {
  describe('read', () => {
    it('reads a stream forwards and backwards from a revision', async () => {
      const stream = `${uniqueCategory()}-a`;
      await store().append(stream, events(10), 'no_stream');
      const revisions = (list: RecordedEvent[]) => list.map((e) => e.revision);
      expect(revisions(await store().readStream(stream, { fromRevision: 7 }))).toEqual([7, 8, 9]);
      expect(revisions(await store().readStream(stream, { fromRevision: 2, maxCount: 3 }))).toEqual([
        2, 3, 4,
      ]);
      expect(revisions(await store().readStream(stream, { direction: 'backwards', maxCount: 2 }))).toEqual([
        9, 8,
      ]);
      expect(
        revisions(await store().readStream(stream, { direction: 'backwards', fromRevision: 4, maxCount: 3 })),
      ).toEqual([4, 3, 2]);
      expect(await store().readStream(`${uniqueCategory()}-absent`)).toEqual([]);
    });

    it('answers reads of several streams asked for at once as each alone (the SQL store sends them together)', async () => {
      const category = uniqueCategory();
      await store().append(`${category}-a`, events(6), 'no_stream');
      await store().append(`${category}-b`, events(3), 'no_stream');
      const revisions = (list: RecordedEvent[]) => list.map((e) => `${e.stream}:${e.revision}`);
      const asked = [
        store().readStream(`${category}-a`),
        store().readStream(`${category}-b`, { fromRevision: 1 }),
        store().readStream(`${category}-a`, { fromRevision: 2, maxCount: 2 }),
        store().readStream(`${category}-absent`),
        store().readStream(`${category}-b`, { fromRevision: 3 }),
        store().readStream(`${category}-a`, { direction: 'backwards', maxCount: 1 }),
      ];
      const [all, fromOne, page, absent, past, last] = (await Promise.all(asked)).map(revisions);
      expect(all).toEqual([0, 1, 2, 3, 4, 5].map((r) => `${category}-a:${r}`));
      expect(fromOne).toEqual([`${category}-b:1`, `${category}-b:2`]);
      expect(page).toEqual([`${category}-a:2`, `${category}-a:3`]);
      expect(absent).toEqual([]);
      expect(past).toEqual([]);
      expect(last).toEqual([`${category}-a:5`]);
      // Appended before the next reads are asked for: they see it.
      await store().append(`${category}-b`, events(1), 2);
      const [b, a] = await Promise.all([
        store().readStream(`${category}-b`, { fromRevision: 3 }),
        store().readStream(`${category}-a`, { fromRevision: 6 }),
      ]);
      expect(revisions(b)).toEqual([`${category}-b:3`]);
      expect(a).toEqual([]);
    });

    it('reads the global log in batches, in commit order, with exclusive positions', async () => {
      const category = uniqueCategory();
      for (let i = 0; i < 5; i++) await store().append(`${category}-${i % 2}`, events(5), 'any');
      const readInBatches = async () => {
        const seen: RecordedEvent[] = [];
        let from: Position | 'start' = 'start';
        for (;;) {
          const batch = await store().readAll({ from, maxCount: 7, filter: { categories: [category] } });
          if (batch.length === 0) return seen;
          seen.push(...batch);
          from = batch.at(-1)!.position;
        }
      };
      const seen = await eventually(readInBatches, (list) => list.length >= 25);
      expect(seen).toHaveLength(25);
      expect(new Set(seen.map((e) => e.id)).size).toBe(25);
      for (let i = 1; i < seen.length; i++) {
        expect(comparePositions(seen[i - 1]!.position, seen[i]!.position)).toBe(-1);
      }
    });

    it('filters the global log by category and by event type', async () => {
      const [left, right] = [uniqueCategory(), uniqueCategory()];
      await store().append(`${left}-1`, [event('Kept'), event('Dropped'), event('Kept')], 'any');
      await store().append(`${right}-1`, [event('Kept')], 'any');
      const byCategory = await eventually(
        () => store().readAll({ filter: { categories: [left] }, maxCount: 1000 }),
        (list) => list.length >= 3,
      );
      expect(byCategory.map((e) => e.stream)).toEqual([`${left}-1`, `${left}-1`, `${left}-1`]);
      const both = await eventually(
        () =>
          store().readAll({ filter: { categories: [left, right], eventTypes: ['Kept'] }, maxCount: 1000 }),
        (list) => list.length >= 3,
      );
      expect(both.map((e) => `${e.stream}:${e.type}`)).toEqual([
        `${left}-1:Kept`,
        `${left}-1:Kept`,
        `${right}-1:Kept`,
      ]);
    });

    it('reads a batch of the global log together with a head it never claims past', async () => {
      const [wanted, other] = [uniqueCategory(), uniqueCategory()];
      await store().append(`${wanted}-1`, events(3), 'any');
      const last = await store().append(`${other}-1`, events(2), 'any');
      const read = await eventually(
        () => store().readAllWithHead({ filter: { categories: [wanted] }, maxCount: 2 }),
        ({ head }) => head !== null && comparePositions(head, last.position) >= 0,
      );
      // Full read: two of the three; the head is past the other category's events all the same.
      expect(read.events.map((e) => e.stream)).toEqual([`${wanted}-1`, `${wanted}-1`]);
      expect(comparePositions(read.head!, read.events.at(-1)!.position)).toBe(1);
      const none = await store().readAllWithHead({ from: last.position, filter: { categories: [wanted] } });
      expect(none.events).toEqual([]);
      expect(comparePositions(none.head!, last.position)).toBeGreaterThanOrEqual(0);
    });

    it('reports the head position of the global log', async () => {
      const result = await store().append(`${uniqueCategory()}-h`, events(2), 'any');
      const head = await eventually(
        () => store().headPosition(),
        (position) => position !== null && comparePositions(position, result.position) >= 0,
      );
      expect(head).not.toBeNull();
      expect(comparePositions(head!, result.position)).toBeGreaterThanOrEqual(0);
    });
  });
}
