import { describe, expect, it } from 'vitest';
import type { Position, RecordedEvent, SubscribeOptions } from '../../../ports/event-store.ts';
import type { SuiteContext } from './context.ts';
import { events, eventually, uniqueCategory } from './fixtures.ts';

/** Takes `count` events from a subscription, then stops it; fails if they do not come in time. */
async function take(
  subscribe: (options: SubscribeOptions) => AsyncIterable<RecordedEvent> & { stop(): Promise<void> },
  options: SubscribeOptions,
  count: number,
  timeoutMs = 10_000,
): Promise<RecordedEvent[]> {
  const subscription = subscribe(options);
  const timer = setTimeout(() => void subscription.stop(), timeoutMs);
  const seen: RecordedEvent[] = [];
  try {
    for await (const event of subscription) {
      seen.push(event);
      if (seen.length >= count) break;
    }
  } finally {
    clearTimeout(timer);
    await subscription.stop();
  }
  return seen;
}

export function subscribeSuite({ store }: SuiteContext): void {
  describe('subscribe', () => {
    it('catches up from the start, then delivers live events', async () => {
      const category = uniqueCategory();
      await store().append(`${category}-1`, events(30), 'any');
      const subscription = take(
        (o) => store().subscribe(o),
        { filter: { categories: [category] }, batchSize: 8 },
        45,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      await store().append(`${category}-2`, events(15), 'any');
      const seen = await subscription;
      expect(seen).toHaveLength(45);
      expect(seen.slice(0, 30).every((e) => e.stream === `${category}-1`)).toBe(true);
      expect(seen.slice(30).every((e) => e.stream === `${category}-2`)).toBe(true);
    });

    it('from the end, sees only what is appended after it started', async () => {
      const category = uniqueCategory();
      await store().append(`${category}-old`, events(5), 'any');
      // Wait until the old events are visible, so "the end" is past them.
      const subscription = take(
        (o) => store().subscribe(o),
        { from: 'end', filter: { categories: [category] } },
        3,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      await store().append(`${category}-new`, events(3), 'any');
      expect((await subscription).map((e) => e.stream)).toEqual([
        `${category}-new`,
        `${category}-new`,
        `${category}-new`,
      ]);
    });

    it('a subscriber killed mid-batch resumes from its checkpoint and sees every event exactly once', async () => {
      const category = uniqueCategory();
      const total = 300;
      // Appends keep arriving while the subscriber works, is killed, and resumes.
      const writing = (async () => {
        for (let i = 0; i < total / 20; i++) await store().append(`${category}-${i % 3}`, events(20), 'any');
      })();

      // The subscriber's "database": each handled event and the checkpoint, stored together,
      // the way a projector commits its effect and its checkpoint in one transaction.
      const handled: string[] = [];
      let checkpoint: Position | 'start' = 'start';
      const killAfter = 117; // not a multiple of the batch size: the kill lands mid-batch

      const first = store().subscribe({
        from: checkpoint,
        filter: { categories: [category] },
        batchSize: 25,
      });
      for await (const event of first) {
        if (handled.length === killAfter) break; // dies holding this event, before storing its effect
        handled.push(event.id);
        checkpoint = event.position;
      }
      await first.stop();
      expect(handled).toHaveLength(killAfter);

      const rest = await take(
        (o) => store().subscribe(o),
        { from: checkpoint, filter: { categories: [category] }, batchSize: 25 },
        total - killAfter,
      );
      await writing;
      handled.push(...rest.map((e) => e.id));

      const log = await store().readAll({ filter: { categories: [category] }, maxCount: 10_000 });
      expect(handled).toHaveLength(total);
      expect(new Set(handled).size).toBe(total);
      expect(handled).toEqual(log.map((e) => e.id));
    });

    it('stops when its abort signal fires, ending the iteration', async () => {
      const category = uniqueCategory();
      const controller = new AbortController();
      const subscription = store().subscribe({
        filter: { categories: [category] },
        signal: controller.signal,
      });
      const seen: RecordedEvent[] = [];
      const iterating = (async () => {
        for await (const event of subscription) seen.push(event);
      })();
      await store().append(`${category}-1`, events(2), 'any');
      await eventually(
        async () => seen.length,
        (count) => count >= 2,
      );
      controller.abort();
      await iterating;
      expect(seen).toHaveLength(2);
    });
  });
}
