/**
 * The shared log tail must hand a caught-up projector exactly the batch it would have read from the
 * store (`readNextBatch`): the same events, the same end, the same "full". It answers only for what
 * it holds, and wakes a waiting projector when the log grows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventFilter, EventStore, Position } from '../../ports/event-store.ts';
import { positionToToken } from '../../ports/position.ts';
import { event } from '../../infra/event-store/conformance/fixtures.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { readNextBatch } from './batch.ts';
import { reached } from './checkpoints.ts';
import { createLogTail, type LogTail } from './log-tail.ts';
import { perTestResources } from '../../test-support/per-test-resources.ts';
import { propertyRuns } from '../../test-support/property-runs.ts';

const CATEGORIES = ['order', 'stock', 'product'] as const;
const TYPES = ['Placed', 'Moved', 'Priced'] as const;

/** Appends `count` events spread over a few streams of each category, types mixed. */
async function appendEvents(store: EventStore, count: number, offset = 0): Promise<void> {
  for (let i = offset; i < offset + count; i++) {
    const category = CATEGORIES[i % CATEGORIES.length]!;
    await store.append(`${category}-${i % 5}`, [event(TYPES[(i * 7) % TYPES.length], { i })], 'any');
  }
}

/** Until the tail follows the log and holds everything up to the store's head. */
async function caughtUp(tail: LogTail, store: EventStore): Promise<void> {
  const head = await store.headPosition();
  const stop = new AbortController();
  while (tail.end === undefined || (head !== null && !reached(tail.end, head))) {
    await tail.waitBeyond(head, 20, stop.signal);
  }
}

const filters: (EventFilter | undefined)[] = [
  undefined,
  { categories: ['order'] },
  { eventTypes: ['Moved', 'Priced'] },
  { categories: ['stock', 'product'], eventTypes: ['Placed'] },
  { categories: [] },
];

describe.each(['pglite', 'postgres'] as const)('log tail on %s', (backend) => {
  const resources = perTestResources(backend);

  async function setUp(options: Parameters<typeof createLogTail>[1] = {}) {
    const store = createSqlEventStore(await resources.database());
    const tail = createLogTail(store, { pollIntervalMs: 5, ...options });
    resources.onDispose(() => tail.stop());
    return { store, tail };
  }

  it('hands out, for any checkpoint it holds, the batch a read of the store gives', async () => {
    const { store, tail } = await setUp();
    expect(tail.batchAfter(null, 10, undefined, new Set())).toBeUndefined(); // starts following
    await caughtUp(tail, store);
    await appendEvents(store, 60);
    await caughtUp(tail, store);
    const all = await store.readAll({ maxCount: 1000 });
    // The tail began at the head of an empty log, so it holds all of it.
    const checkpoints: (Position | null)[] = [null, ...all.map((event) => event.position)];
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: checkpoints.length - 1 }),
        fc.integer({ min: 1, max: 70 }),
        fc.nat({ max: filters.length - 1 }),
        fc.subarray(
          all.map((event) => positionToToken(event.position)),
          { maxLength: 3 },
        ),
        async (at, batchSize, which, skipped) => {
          const from = checkpoints[at]!;
          const filter = filters[which];
          const skips = new Set(skipped);
          const fromTail = tail.batchAfter(from, batchSize, filter, skips);
          const fromStore = await readNextBatch(store, from, batchSize, filter, skips);
          expect(fromTail).toEqual(fromStore);
        },
      ),
      { numRuns: propertyRuns(150) },
    );
  });

  it('sends a projector behind what it holds to the store, and one ahead of it to wait', async () => {
    const { store, tail } = await setUp({ windowEvents: 10 });
    await appendEvents(store, 5);
    tail.batchAfter(null, 10, undefined, new Set());
    await caughtUp(tail, store);
    const before = await store.headPosition();
    // Older than where the tail began: only the store has it.
    expect(tail.batchAfter(null, 10, undefined, new Set())).toBeUndefined();
    await appendEvents(store, 40, 5);
    await caughtUp(tail, store);
    // 40 events exceed the window of 10: the oldest were let go.
    expect(tail.batchAfter(before, 10, undefined, new Set())).toBeUndefined();
    const head = (await store.headPosition())!;
    expect(tail.batchAfter(head, 10, undefined, new Set())).toBeNull();
    const recent = await store.readAll({ from: before!, maxCount: 100 });
    const held = recent.at(-8)!.position;
    expect(tail.batchAfter(held, 10, undefined, new Set())).toEqual(
      await readNextBatch(store, held, 10, undefined, new Set()),
    );
  });

  it('wakes a waiting projector when an event is appended, and lets it go on timeout otherwise', async () => {
    const { store, tail } = await setUp({ pollIntervalMs: 5 });
    tail.batchAfter(null, 10, undefined, new Set());
    await appendEvents(store, 1);
    await caughtUp(tail, store);
    const head = (await store.headPosition())!;
    const never = new AbortController();
    // Nothing new: the wait ends at its timeout, with nothing after the head.
    await tail.waitBeyond(head, 30, never.signal);
    expect(tail.batchAfter(head, 10, undefined, new Set())).toBeNull();
    // An append: the wait ends well before its (long) timeout, with the event held.
    const woken = tail.waitBeyond(head, 60_000, never.signal);
    await appendEvents(store, 1, 1);
    await woken;
    const batch = tail.batchAfter(head, 10, undefined, new Set());
    expect(batch?.events).toHaveLength(1);
    expect(reached(batch!.end, head)).toBe(true);
  });

  it('reads at most once per poll interval while appends are announced, even when a read finds nothing', async () => {
    const { store } = await setUp();
    await appendEvents(store, 1);
    // Announcements that never stop, of appends a read does not see (as another process's commit
    // is, behind an older transaction still open): every wait for an append ends at once.
    let reads = 0;
    let announced = 0;
    const announcing: EventStore = {
      ...store,
      readAll: (options) => {
        reads++;
        return store.readAll(options);
      },
      appendSequence: () => ++announced,
      waitForAppend: () => Promise.resolve(),
    };
    const pollIntervalMs = 20;
    const tail = createLogTail(announcing, { pollIntervalMs });
    resources.onDispose(() => tail.stop());
    tail.batchAfter(null, 10, undefined, new Set());
    await caughtUp(tail, store);
    const before = reads;
    const startedAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const elapsed = performance.now() - startedAt;
    // Reading again at each announcement, the tail read the store back to back, nothing found.
    expect(reads - before).toBeLessThanOrEqual(Math.ceil(elapsed / pollIntervalMs) + 1);
    expect(reads - before).toBeGreaterThan(0);
  });
});
