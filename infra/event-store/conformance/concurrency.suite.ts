import { describe, expect, it } from 'vitest';
import { WrongExpectedRevision } from '../../../ports/event-store-errors.ts';
import type { SuiteContext } from './context.ts';
import { event, uniqueCategory } from './fixtures.ts';

const WRITERS = 50;
const APPENDS_EACH = 4;

export function concurrencySuite({ store }: SuiteContext): void {
  describe('concurrency', () => {
    it(`${WRITERS} appenders on one stream with exact revisions win each revision exactly once`, async () => {
      const stream = `${uniqueCategory()}-hot`;
      const won: { writer: number; revision: number; id: string }[] = [];
      let conflicts = 0;

      // Each writer reads the stream's revision, appends at exactly that revision, and on a
      // conflict reads again: the optimistic loop every command handler runs.
      const writer = async (writerId: number) => {
        for (let done = 0; done < APPENDS_EACH;) {
          const current = await store().streamRevision(stream);
          const candidate = event('Counted', { writer: writerId, attempt: done });
          try {
            const result = await store().append(stream, [candidate], current ?? 'no_stream');
            won.push({ writer: writerId, revision: result.nextRevision, id: candidate.id });
            done++;
          } catch (error) {
            if (!(error instanceof WrongExpectedRevision)) throw error;
            conflicts++;
          }
        }
      };
      await Promise.all(Array.from({ length: WRITERS }, (_, writerId) => writer(writerId)));

      const total = WRITERS * APPENDS_EACH;
      expect(won.map((w) => w.revision).sort((a, b) => a - b)).toEqual(
        Array.from({ length: total }, (_, i) => i),
      );
      const stored = await store().readStream(stream);
      expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: total }, (_, i) => i));
      // The event each writer was told it stored is the one stored at that revision.
      const byRevision = new Map(stored.map((e) => [e.revision, e.id]));
      for (const w of won) expect(byRevision.get(w.revision)).toBe(w.id);
      expect(conflicts).toBeGreaterThanOrEqual(0);
    });
  });
}
