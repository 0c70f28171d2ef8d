import { describe, expect, it } from 'vitest';
import { comparePositions } from '../../../ports/position.ts';
import {
  EventIdReused,
  MultiStreamAppendUnsupported,
  WrongExpectedRevision,
} from '../../../ports/event-store-errors.ts';
import type { EventStore } from '../../../ports/event-store.ts';
import type { SuiteContext } from './context.ts';
import { event, events, metadata, uniqueCategory } from './fixtures.ts';

export function appendSuite({ store }: SuiteContext): void {
  describe('append', () => {
    it('creates a stream with no_stream and answers its revision and position', async () => {
      const stream = `${uniqueCategory()}-a`;
      const result = await store().append(stream, events(3), 'no_stream');
      expect(result.nextRevision).toBe(2);
      const stored = await store().readStream(stream);
      expect(stored.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(comparePositions(stored[2]!.position, result.position)).toBe(0);
    });

    it('refuses no_stream on an existing stream and names the actual revision', async () => {
      const stream = `${uniqueCategory()}-a`;
      await store().append(stream, events(1), 'no_stream');
      const refused = store().append(stream, events(1), 'no_stream');
      await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevision);
      await expect(refused).rejects.toMatchObject({ stream, actual: 0, expected: 'no_stream' });
      expect(await store().streamRevision(stream)).toBe(0);
    });

    it('refuses stream_exists on an absent stream, accepts it on an existing one', async () => {
      const stream = `${uniqueCategory()}-a`;
      await expect(store().append(stream, events(1), 'stream_exists')).rejects.toMatchObject({
        actual: null,
      });
      expect(await store().streamRevision(stream)).toBeNull();
      await store().append(stream, events(1), 'any');
      expect((await store().append(stream, events(1), 'stream_exists')).nextRevision).toBe(1);
    });

    it('appends at the exact revision and refuses a stale one', async () => {
      const stream = `${uniqueCategory()}-a`;
      await store().append(stream, events(2), 'no_stream');
      expect((await store().append(stream, events(1), 1)).nextRevision).toBe(2);
      await expect(store().append(stream, events(1), 1)).rejects.toMatchObject({ expected: 1, actual: 2 });
      await expect(store().append(stream, events(1), 7)).rejects.toBeInstanceOf(WrongExpectedRevision);
      expect((await store().readStream(stream)).length).toBe(3);
    });

    it('stores the same event id once, answering a retry with the first outcome', async () => {
      const stream = `${uniqueCategory()}-a`;
      const batch = events(2);
      const first = await store().append(stream, batch, 'any');
      const retry = await store().append(stream, batch, 'any');
      expect(retry).toEqual(first);
      await store().append(stream, events(1), 'any');
      // A retry at an exact revision the stream has since moved past is still the same append.
      const exactBatch = events(1);
      const exact = await store().append(stream, exactBatch, 2);
      expect(await store().append(stream, exactBatch, 2)).toEqual(exact);
      expect((await store().readStream(stream)).length).toBe(4);
    });

    it('refuses a batch that reuses some stored ids with new ones', async () => {
      const stream = `${uniqueCategory()}-a`;
      const [first, second] = events(2);
      await store().append(stream, [first!], 'any');
      await expect(store().append(stream, [first!, second!], 'any')).rejects.toBeInstanceOf(EventIdReused);
      expect((await store().readStream(stream)).length).toBe(1);
    });

    it('keeps data and metadata exactly as given', async () => {
      const stream = `${uniqueCategory()}-a`;
      const data = { name: 'Zoë — “quoted” \\ back', nested: { list: [1, 2.5, null, true, 'x'] }, empty: {} };
      const meta = metadata({
        actor: { id: 'admin-1', role: 'admin' },
        causationId: 'c-1',
        reason: 'restock',
      });
      await store().append(stream, [{ ...event('PriceChanged', data), metadata: meta }], 'no_stream');
      const [stored] = await store().readStream(stream);
      expect(stored).toMatchObject({ type: 'PriceChanged', data, metadata: meta, stream, revision: 0 });
      expect(Date.parse(stored!.recordedAt)).not.toBeNaN();
    });

    it('appends several streams atomically where the backend can, else says it cannot', async () => {
      const category = uniqueCategory();
      const [a, b] = [`${category}-a`, `${category}-b`];
      if (!store().capabilities.atomicMultiStreamAppend) {
        await expect(
          store().appendMulti([{ stream: a, expected: 'any', events: events(1) }]),
        ).rejects.toBeInstanceOf(MultiStreamAppendUnsupported);
        return;
      }
      await store().append(b, events(1), 'no_stream');
      const results = await store().appendMulti([
        { stream: a, expected: 'no_stream', events: events(2) },
        { stream: b, expected: 0, events: events(1) },
      ]);
      expect(results.map((r) => r.nextRevision)).toEqual([1, 1]);
      // One stale expectation refuses the whole set: nothing lands in the other stream.
      const refused = store().appendMulti([
        { stream: a, expected: 1, events: events(1) },
        { stream: b, expected: 0, events: events(1) },
      ]);
      await expect(refused).rejects.toMatchObject({ stream: b, actual: 1 });
      expect(await store().streamRevision(a)).toBe(1);
    });

    it('answers a one-stream appendMulti as append does: revisions, refusals, retries', async () => {
      if (!store().capabilities.atomicMultiStreamAppend) return;
      const stream = `${uniqueCategory()}-a`;
      const one = (expected: Parameters<EventStore['append']>[2], batch = events(1)) =>
        store().appendMulti([{ stream, expected, events: batch }]);
      const [created] = await one('no_stream', events(2));
      expect(created!.nextRevision).toBe(1);
      await expect(one('no_stream')).rejects.toMatchObject({ stream, expected: 'no_stream', actual: 1 });
      await expect(one(0)).rejects.toMatchObject({ stream, expected: 0, actual: 1 });
      const batch = events(1);
      const [appended] = await one(1, batch);
      expect(appended!.nextRevision).toBe(2);
      // The same events again (a retry after a lost answer) answer the first outcome, stored once.
      expect(await one(1, batch)).toEqual([appended]);
      await expect(
        store().appendMulti([
          { stream: `${uniqueCategory()}-b`, expected: 'stream_exists', events: events(1) },
        ]),
      ).rejects.toMatchObject({ actual: null });
      expect((await store().readStream(stream)).map((e) => e.revision)).toEqual([0, 1, 2]);
    });
  });
}
