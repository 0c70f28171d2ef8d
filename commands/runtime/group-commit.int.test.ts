import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StockShortage } from '../../domain/errors.ts';
import { available, stockDecider, type StockState } from '../../domain/inventory/index.ts';
import { stockStream } from '../../domain/streams.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import { migratedPglite, migratedPostgres } from '../../test-support/databases.ts';
import type { EventStore } from '../ports/event-store.ts';
import type { CommandContext } from './command-context.ts';
import { createGroupCommit, decideAndAppendTogether, type GroupMember } from './group-commit.ts';
import { handleCommand, type CommandRuntime } from './handle-command.ts';
import { asStepDecider, type StepsOutcome } from './multi-stream.ts';
import { createStateCache } from './state-cache.ts';

const stock = asStepDecider(stockDecider);
const context = (who: string): CommandContext => ({
  actor: { id: who, role: 'customer' },
  correlationId: uuidV7Ids.newId(),
  causationId: null,
  now: '2026-11-21T10:00:00.000Z',
});

/** A member reserving `quantity` of each SKU for `orderId`, refusing like order placement on a shortage. */
function reserving(skus: string[], orderId: string, quantity: number): GroupMember {
  return {
    context: context(orderId),
    plan: async (load) => {
      const short = [];
      for (const sku of skus) {
        const state = await load<StockState>(stockStream(sku, 'x'), stock);
        if (available(state) < quantity) short.push({ sku, available: available(state) });
      }
      if (short.length > 0) throw new StockShortage(short as never);
      return skus.map((sku) => ({
        stream: stockStream(sku, 'x'),
        decider: stock,
        command: {
          type: 'ReserveStock',
          data: {
            sku,
            location: 'x',
            orderId,
            quantity,
            expiresAt: '2026-11-21T11:00:00Z',
            allowBackorder: false,
          },
        },
      }));
    },
  };
}

for (const backend of ['pglite', 'postgres'] as const) {
  describe(`group commit on ${backend}`, () => {
    let store: EventStore;
    let runtime: CommandRuntime;
    let dispose: () => Promise<void>;
    let run = 0;

    beforeAll(async () => {
      const db = backend === 'postgres' ? await migratedPostgres(20) : await migratedPglite();
      store = createSqlEventStore(db.client);
      runtime = { store, cache: createStateCache(), ids: uuidV7Ids, maxRetries: 10 };
      dispose = db.dispose;
    });
    afterAll(() => dispose());

    async function receive(sku: string, quantity: number) {
      await handleCommand(
        runtime,
        stockDecider,
        stockStream(sku, 'x'),
        { type: 'ReceiveStock', data: { sku, location: 'x', quantity, reference: null } },
        context('admin'),
      );
    }

    const skus = () => {
      run++;
      return [`A${run}`, `B${run}`];
    };

    it('decides members in turn: a refused one is skipped, the others land in one append with their own revisions', async () => {
      const [a, b] = skus() as [string, string];
      await receive(a, 5);
      await receive(b, 10);
      const members = [
        reserving([a, b], 'o1', 3),
        reserving([a, b], 'o2', 3), // only 2 of A left after o1
        { context: context('o3'), plan: () => Promise.reject(new Error('broken plan')) },
        reserving([a, b], 'o4', 2),
      ];
      const settled = await decideAndAppendTogether(runtime, members);
      expect(settled.map((s) => s.ok)).toEqual([true, false, false, true]);
      expect(settled[1]).toMatchObject({ ok: false, error: expect.any(StockShortage) as unknown });
      const [o1, , , o4] = settled.map((s) => (s.ok ? s.value : null)) as StepsOutcome[];
      expect(o1!.revisions.get(stockStream(a, 'x'))).toBe(1);
      expect(o4!.revisions.get(stockStream(a, 'x'))).toBe(2);
      expect(o4!.events.get(stockStream(b, 'x'))).toEqual([
        expect.objectContaining({ type: 'StockReserved', data: expect.objectContaining({ orderId: 'o4' }) }),
      ]);

      const stored = await store.readStream(stockStream(a, 'x'));
      expect(stored.map((e) => [e.type, e.data.orderId ?? null, e.metadata.actor.id])).toEqual([
        ['StockReceived', null, 'admin'],
        ['StockReserved', 'o1', 'o1'],
        ['StockReserved', 'o4', 'o4'],
      ]);
      // One commit: every accepted member's token is the same transaction.
      expect(o1!.position!.commit).toBe(o4!.position!.commit);
      expect(o1!.position!.commit).toBe(stored[2]!.position.commit);
      // The cache holds the group's final state at the appended revision.
      expect(runtime.cache.get<StockState>(stockStream(a, 'x'))).toMatchObject({ revision: 2 });
      expect(available(runtime.cache.get<StockState>(stockStream(a, 'x'))!.state)).toBe(0);
    });

    it('decides the whole group again on fresh state after losing a race to another writer', async () => {
      const [a] = skus() as [string];
      await receive(a, 4);
      // Someone else (another process) takes 3 behind this process's cache.
      const other: CommandRuntime = { ...runtime, cache: createStateCache() };
      await handleCommand(
        other,
        stockDecider,
        stockStream(a, 'x'),
        {
          type: 'ReserveStock',
          data: {
            sku: a,
            location: 'x',
            orderId: 'elsewhere',
            quantity: 3,
            expiresAt: '2026-11-21T11:00:00Z',
            allowBackorder: false,
          },
        },
        context('elsewhere'),
      );
      const settled = await decideAndAppendTogether(runtime, [
        reserving([a], 'p1', 1),
        reserving([a], 'p2', 1),
      ]);
      expect(settled.map((s) => s.ok)).toEqual([true, false]);
      const state = (await store.readStream(stockStream(a, 'x'))).reduce(
        (s, e) => stockDecider.evolve(s, e as never),
        stockDecider.initialState(),
      );
      expect(available(state)).toBe(0);
    });

    it('never oversells when many members queue on one hot stream', async () => {
      const [a] = skus() as [string];
      await receive(a, 20);
      const groups = createGroupCommit();
      const results = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) => groups.run(runtime, [a], reserving([a], `q${i}`, 1 + (i % 2)))),
      );
      const reserved = results.reduce((sum, r, i) => sum + (r.status === 'fulfilled' ? 1 + (i % 2) : 0), 0);
      expect(reserved).toBeLessThanOrEqual(20);
      expect(reserved).toBeGreaterThanOrEqual(19);
      const events = await store.readStream(stockStream(a, 'x'));
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
      const final = events.reduce((s, e) => stockDecider.evolve(s, e as never), stockDecider.initialState());
      expect(available(final)).toBe(20 - reserved);
    });
  });
}
