import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../ports/event-store.ts';
import { comparePositions } from '../../../ports/position.ts';
import { appendParams, appendStatement } from '../sql/append-statement.ts';
import type { SuiteContext } from './context.ts';
import { event, eventually, uniqueCategory } from './fixtures.ts';

/**
 * Only for backends where two transactions can be open at once (PostgreSQL): a transaction that
 * took its position first but commits last is exactly what a plain `position > checkpoint` reader skips.
 */
export function outOfOrderSuite({ store, sql }: SuiteContext): void {
  describe('out-of-order commits', () => {
    it('never lets a reader skip a slow transaction that began before a faster one', async () => {
      const category = uniqueCategory();
      const slowEvent = event('Slow');
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let appendedInSlowTx!: () => void;
      const slowHasAppended = new Promise<void>((resolve) => (appendedInSlowTx = resolve));

      // The slow transaction appends first (taking the lower position), then holds its commit.
      const slow = sql()!.transaction(async (tx) => {
        const { text } = appendStatement('any');
        await tx.query(text, appendParams(`${category}-slow`, [slowEvent], 'any'));
        appendedInSlowTx();
        await released;
      });
      await slowHasAppended;

      // A subscriber runs throughout, the way a projector does.
      const seen: RecordedEvent[] = [];
      const subscription = store().subscribe({ filter: { categories: [category] }, batchSize: 10 });
      const consuming = (async () => {
        for await (const e of subscription) seen.push(e);
      })();

      const fast = await store().append(`${category}-fast`, [event('Fast')], 'any');
      const slowRow = await sql()!.query<{ position: string }>(
        'select position::text as position from qm_events where event_id = $1',
        [slowEvent.id],
      );
      expect(slowRow).toEqual([]); // not committed yet: invisible even to a plain query
      expect(await store().readStream(`${category}-fast`)).toHaveLength(1); // stream reads see it at once

      // The fast commit stays invisible to global readers while the older transaction runs.
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(await store().readAll({ filter: { categories: [category] } })).toEqual([]);
      expect(seen).toEqual([]);
      // Nor does the head pass it: a filtered reader moving its checkpoint to the head would skip
      // the slow transaction's event.
      const { head } = await store().readAllWithHead({ filter: { categories: [category] } });
      expect(head === null || comparePositions(head, fast.position) < 0).toBe(true);

      release();
      await slow;
      await eventually(
        async () => seen.length,
        (count) => count >= 2,
      );
      await subscription.stop();
      await consuming;
      // Both arrive, the slow one first: the global order is commit-safe, not insert order.
      expect(seen.map((e) => e.type)).toEqual(['Slow', 'Fast']);
    });

    it('keeps a later commit invisible until every earlier transaction has finished', async () => {
      const category = uniqueCategory();
      const holders: (() => void)[] = [];
      const started: Promise<void>[] = [];
      const transactions: Promise<void>[] = [];
      // Three transactions append in order and are then committed in reverse order.
      for (let i = 0; i < 3; i++) {
        let appended!: () => void;
        started.push(new Promise<void>((resolve) => (appended = resolve)));
        const hold = new Promise<void>((resolve) => holders.push(resolve));
        transactions.push(
          sql()!.transaction(async (tx) => {
            const { text } = appendStatement('any');
            await tx.query(text, appendParams(`${category}-${i}`, [event(`T${i}`)], 'any'));
            appended();
            await hold;
          }),
        );
        await started[i];
      }
      const visible = () => store().readAll({ filter: { categories: [category] } });
      holders[2]!();
      await transactions[2];
      holders[1]!();
      await transactions[1];
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await visible()).toEqual([]); // T1, T2 committed, T0 still running: nothing may show
      holders[0]!();
      await transactions[0];
      const all = await eventually(visible, (list) => list.length >= 3);
      expect(all.map((e) => e.type)).toEqual(['T0', 'T1', 'T2']);
    });
  });
}
