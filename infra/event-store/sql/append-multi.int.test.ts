import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '../../../ports/event-store.ts';
import { WrongExpectedRevision } from '../../../ports/event-store-errors.ts';
import { comparePositions } from '../../../ports/position.ts';
import { migratedPglite, migratedPostgres } from '../../../test-support/databases.ts';
import { events, uniqueCategory } from '../conformance/fixtures.ts';
import { createSqlEventStore } from './sql-event-store.ts';

/**
 * The one-statement multi-stream append (append-multi-statement.ts) beyond what the conformance
 * suite asks: every expectation kind in one call, event order in the global log, idempotent
 * retries, and overlapping concurrent appends that neither deadlock nor lose an update.
 */
for (const backend of ['pglite', 'postgres'] as const) {
  describe(`multi-stream append on ${backend}`, () => {
    let store: EventStore;
    let dispose: () => Promise<void>;

    beforeAll(async () => {
      const db = backend === 'postgres' ? await migratedPostgres(20) : await migratedPglite();
      store = createSqlEventStore(db.client);
      dispose = db.dispose;
    });
    afterAll(() => dispose());

    it('mixes every expectation kind, answers each stream its revision and last position', async () => {
      const c = uniqueCategory();
      await store.append(`${c}-exact`, events(2), 'no_stream');
      await store.append(`${c}-exists`, events(1), 'no_stream');
      await store.append(`${c}-anyold`, events(3), 'no_stream');
      const results = await store.appendMulti([
        { stream: `${c}-new`, expected: 'no_stream', events: events(2) },
        { stream: `${c}-exact`, expected: 1, events: events(3) },
        { stream: `${c}-exists`, expected: 'stream_exists', events: events(1) },
        { stream: `${c}-anyold`, expected: 'any', events: events(1) },
        { stream: `${c}-anynew`, expected: 'any', events: events(1) },
      ]);
      expect(results.map((r) => r.nextRevision)).toEqual([1, 4, 1, 3, 0]);
      for (const [index, stream] of ['new', 'exact', 'exists', 'anyold', 'anynew'].entries()) {
        const stored = await store.readStream(`${c}-${stream}`);
        expect(stored.map((e) => e.revision)).toEqual(stored.map((_, i) => i));
        expect(comparePositions(stored.at(-1)!.position, results[index]!.position)).toBe(0);
      }
      // Within the global log each stream's events come in revision order.
      const log = await store.readAll({ filter: { categories: [c] }, maxCount: 100 });
      const seen = new Map<string, number>();
      for (const event of log) {
        expect(event.revision).toBeGreaterThan(seen.get(event.stream) ?? -1);
        seen.set(event.stream, event.revision);
      }
    });

    it('refuses the whole set on one failed expectation, naming it, and changes nothing', async () => {
      const c = uniqueCategory();
      await store.append(`${c}-a`, events(1), 'no_stream');
      await store.append(`${c}-b`, events(2), 'no_stream');
      const refused = store.appendMulti([
        { stream: `${c}-a`, expected: 0, events: events(1) },
        { stream: `${c}-c`, expected: 'no_stream', events: events(1) },
        { stream: `${c}-b`, expected: 0, events: events(1) },
      ]);
      await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevision);
      await expect(refused).rejects.toMatchObject({ stream: `${c}-b`, expected: 0, actual: 1 });
      expect(await store.streamRevision(`${c}-a`)).toBe(0);
      expect(await store.streamRevision(`${c}-b`)).toBe(1);
      expect(await store.streamRevision(`${c}-c`)).toBeNull();
      await expect(
        store.appendMulti([{ stream: `${c}-missing`, expected: 'stream_exists', events: events(1) }]),
      ).rejects.toMatchObject({ actual: null });
    });

    it('answers a retry of the same events with the stored outcome', async () => {
      const c = uniqueCategory();
      const appends = [
        { stream: `${c}-a`, expected: 'no_stream' as const, events: events(2) },
        { stream: `${c}-b`, expected: 'any' as const, events: events(1) },
      ];
      const first = await store.appendMulti(appends);
      expect(await store.appendMulti(appends)).toEqual(first);
      expect((await store.readStream(`${c}-b`)).length).toBe(1);
    });

    it('lets overlapping concurrent appends each land once, without deadlock', async () => {
      // Rounds on fresh streams: the riskiest moment is when the streams do not exist yet and
      // several appends create the same ones in different orders.
      for (let round = 0; round < 5; round++) {
        const c = uniqueCategory();
        const streams = ['a', 'b', 'c', 'd'].map((s) => `${c}-${s}`);
        // Each writer takes two of the streams, in varying order, with exact revisions and retries.
        const writer = async (w: number) => {
          const pair = [streams[w % 4]!, streams[(w + 1 + (w % 3)) % 4]!].filter(
            (s, i, all) => all.indexOf(s) === i,
          );
          for (;;) {
            const revisions = await Promise.all(pair.map((s) => store.streamRevision(s)));
            try {
              await store.appendMulti(
                pair.map((stream, i) => ({
                  stream,
                  expected: revisions[i] ?? 'no_stream',
                  events: events(1),
                })),
              );
              return pair;
            } catch (error) {
              if (!(error instanceof WrongExpectedRevision)) throw error;
            }
          }
        };
        const done = await Promise.all(Array.from({ length: 24 }, (_, w) => writer(w)));
        for (const stream of streams) {
          const expected = done.filter((pair) => pair.includes(stream)).length;
          expect((await store.readStream(stream)).map((e) => e.revision)).toEqual(
            Array.from({ length: expected }, (_, i) => i),
          );
        }
      }
    });
  });
}
