import { afterAll, describe, expect, it } from 'vitest';
import { archiveClosedOrders } from '../../../commands/orders/archive-closed-orders.ts';
import { createSqlEventArchive } from '../../../infra/event-store/sql/sql-event-archive.ts';
import { createLogger } from '../../../infra/logging/logger.ts';
import type { RecordedEvent } from '../../../ports/event-store.ts';
import { checksumSchema } from '../../../projections/runtime/checksum.ts';
import { activeSchema } from '../../../projections/runtime/checkpoints.ts';
import { replayProjection } from '../../../projections/runtime/replay.ts';
import { commandHarness, type Backend, type CommandHarness } from '../../../test-support/command-harness.ts';
import { createTestDatabase, type TestDatabase } from '../../../test-support/databases.ts';
import { spawnQm } from '../../../test-support/qm-serve-process.ts';
import { recordShopHistory } from '../../../test-support/shop-history.ts';
import { berlinAddress } from '../../../test-support/addresses.ts';
import { deploymentReadModels } from '../../compose/projectors.ts';
import { notedEvent } from '../../../test-support/noted-event.ts';

const log = createLogger('silent');
/** The cutoff is "now" minus the closed days: 100 days ahead minus 90 puts every event of today before it. */
const later = { now: () => new Date(Date.now() + 100 * 86_400_000) };

async function rebuildAll(h: CommandHarness) {
  const sums: Record<string, Record<string, string>> = {};
  for (const projection of deploymentReadModels()) {
    await replayProjection({ store: h.store, database: h.sql, log }, { kind: 'read_model', projection });
    sums[projection.name] = await checksumSchema(h.sql, await activeSchema(h.sql, projection.name));
  }
  return sums;
}

const ids = (events: readonly RecordedEvent[]) => events.map((e) => `${e.stream}@${e.revision}:${e.id}`);

describe.each<Backend>(['pglite', 'postgres'])('qm archive orders (%s)', (backend) => {
  it(
    'moves closed orders out of the hot log; reads, the global log and every rebuilt read model stay the same',
    { timeout: 600_000 },
    async () => {
      const h = await commandHarness(backend);
      try {
        await recordShopHistory(h, 6);
        // Two orders still open (placed, and paid): they stay hot however old they are.
        for (const orderId of ['open-1', 'open-2']) {
          const placed = await h.handlers.placeOrder(
            {
              orderId,
              customerId: 'c9',
              currency: 'EUR',
              lines: [{ productId: 'p2', quantity: 1 }],
              shippingAddress: berlinAddress,
            },
            h.context(),
          );
          if (orderId === 'open-2')
            await h.handlers.recordManualPayment(
              { orderId, reference: 'bank-open', amount: placed.order.totals.total },
              h.context(),
            );
        }
        const archive = createSqlEventArchive(h.sql);
        const log0 = await h.store.readAll({ maxCount: 100_000 });
        const orders = [...new Set(log0.filter((e) => e.stream.startsWith('order-')).map((e) => e.stream))];
        const streamsBefore = new Map<string, string[]>();
        for (const stream of orders) streamsBefore.set(stream, ids(await h.store.readStream(stream)));
        const sumsBefore = await rebuildAll(h);
        const sizesBefore = await archive.sizes();

        // Nothing is old enough today.
        const today = await archiveClosedOrders(
          { store: h.store, archive, clock: { now: () => new Date() } },
          { closedDays: 90 },
        );
        expect(today).toMatchObject({ examined: 0, archived: 0 });

        const dry = await archiveClosedOrders(
          { store: h.store, archive, clock: later },
          { closedDays: 90, dryRun: true },
        );
        expect(await archive.sizes()).toEqual(sizesBefore);
        const progress: number[] = [];
        const result = await archiveClosedOrders(
          { store: h.store, archive, clock: later },
          { closedDays: 90, batch: 2, onProgress: (p) => progress.push(p.examined) },
        );
        expect(result.examined).toBe(orders.length);
        expect(result.archived).toBe(dry.archived);
        expect(result.archived).toBeGreaterThan(0);
        expect(result.archived).toBe(orders.length - 2);
        expect(
          (await archive.quietStreams({ category: 'order', before: later.now(), limit: 10 })).sort(),
        ).toEqual(['order-open-1', 'order-open-2']);
        expect(progress.length).toBe(Math.ceil(orders.length / 2));
        const sizesAfter = await archive.sizes();
        expect(sizesAfter.hot).toBe(sizesBefore.hot - result.events);
        expect(sizesAfter.archived).toBe(result.events);

        // Stream reads (what commands and time travel fold), the global log (what replays read) and
        // every read model rebuilt from it are what they were.
        for (const stream of orders)
          expect(ids(await h.store.readStream(stream))).toEqual(streamsBefore.get(stream));
        expect(ids(await h.store.readAll({ maxCount: 100_000 }))).toEqual(ids(log0));
        expect(ids(await h.store.readAll({ maxCount: 100_000, filter: { categories: ['order'] } }))).toEqual(
          ids(log0.filter((e) => e.stream.startsWith('order-'))),
        );
        expect(await rebuildAll(h)).toEqual(sumsBefore);

        // Archiving twice moves nothing more; an archived stream stays appendable at its revision.
        const again = await archiveClosedOrders(
          { store: h.store, archive, clock: later },
          { closedDays: 90 },
        );
        expect(again).toMatchObject({ archived: 0, events: 0 });
        const archived = orders.find((s) => !s.startsWith('order-open'))!;
        const revision = (await h.store.readStream(archived)).at(-1)!.revision;
        await h.store.append(archived, [notedEvent()], revision);
        const whole = await h.store.readStream(archived);
        expect(whole.at(-1)?.type).toBe('Noted');
        expect(whole.map((e) => e.revision)).toEqual(whole.map((_, i) => i));
        // A stream with a new event is hot again for the check made under its lock.
        expect(await archive.archive([archived], new Date(Date.now() - 60_000))).toEqual({
          streams: [],
          events: 0,
        });
      } finally {
        await h.dispose();
      }
    },
  );
});

describe('the qm archive command', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it(
    'refuses a bad --closed-days, and on an empty log says it moved nothing',
    { timeout: 120_000 },
    async () => {
      const database = await createTestDatabase('qm_archive_cli');
      databases.push(database);
      const bad = spawnQm('archive', { DATABASE_URL: database.url }, ['orders', '--closed-days', 'soon']);
      expect(await bad.exited(60_000)).not.toBe(0);
      expect(bad.output()).toMatch(/--closed-days.*a whole number of days/);
      const run = spawnQm('archive', { DATABASE_URL: database.url }, ['orders', '--closed-days', '30']);
      expect(await run.exited(60_000)).toBe(0);
      expect(run.output()).toMatch(
        /archived 0 order streams \(0 events\) of 0 quiet ones; hot log 0 → 0 events/,
      );
    },
  );
});
