import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StockShortage } from '../../domain/inventory/errors.ts';
import { available, stockDecider, type StockState } from '../../domain/inventory/index.ts';
import { stockStream } from '../../domain/streams.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import { migratedPglite, migratedPostgres } from '../../test-support/databases.ts';
import type { EventStore, StreamAppend } from '../../ports/event-store.ts';
import type { CommandContext } from './command-context.ts';
import type { CommandRuntime, GroupMember } from './command-runtime.ts';
import { createGroupCommit, decideAndAppendTogether } from './group-commit.ts';
import { handleCommand } from './handle-command.ts';
import { asStepDecider, type StepsOutcome } from './steps.ts';
import { createStateCache } from './state-cache.ts';
import { createStreamTurns } from './stream-turns.ts';

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

/** The store, with the next multi-stream append (that `which` picks) held at a gate the test opens or fails. */
function gated(store: EventStore) {
  const calls: StreamAppend[][] = [];
  type Gate = {
    which: (appends: StreamAppend[]) => boolean;
    promise: Promise<void>;
    open: () => void;
    fail: (error: Error) => void;
  };
  let gate: Gate | null = null;
  return {
    calls,
    store: {
      ...store,
      async appendMulti(appends: StreamAppend[]) {
        calls.push([...appends]);
        const held = gate?.which(appends) ? gate : null;
        if (held) gate = null;
        if (held) await held.promise;
        return store.appendMulti(appends);
      },
    } satisfies EventStore,
    holdNext(which: (appends: StreamAppend[]) => boolean = () => true) {
      let open!: () => void;
      let fail!: (error: Error) => void;
      const promise = new Promise<void>((resolve, reject) => {
        open = resolve;
        fail = reject;
      });
      const held: Gate = { which, promise, open, fail };
      gate = held;
      return held;
    },
  };
}

/** Lets every queued callback and microtask run (the next group decides in memory, from the cache). */
const settleDown = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

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

    it('pipelined: decides the next group while the append in flight runs, and appends it only after that one landed', async () => {
      const [a] = skus() as [string];
      await receive(a, 10);
      const g = gated(store);
      const piped: CommandRuntime = { ...runtime, store: g.store };
      const groups = createGroupCommit();
      const gate = g.holdNext();
      const first = groups.run(piped, [a], reserving([a], 'r1', 4));
      await settleDown();
      const next = [
        groups.run(piped, [a], reserving([a], 'r2', 4)),
        groups.run(piped, [a], reserving([a], 'r3', 4)), // only 2 left after r1 and r2
      ].map((p) =>
        p.then(
          (o) => o.revisions.get(stockStream(a, 'x')),
          (e: unknown) => e,
        ),
      );
      await settleDown();
      // The second group has decided on the first's state, but waits for it to land.
      expect(g.calls).toHaveLength(1);
      gate.open();
      expect((await first).revisions.get(stockStream(a, 'x'))).toBe(1);
      const [r2, r3] = await Promise.all(next);
      expect(r2).toBe(2);
      expect(r3).toBeInstanceOf(StockShortage);
      expect(g.calls).toHaveLength(2);
      expect(g.calls[1]![0]).toMatchObject({ stream: stockStream(a, 'x'), expected: 1 });
      const events = await store.readStream(stockStream(a, 'x'));
      const final = events.reduce((s, e) => stockDecider.evolve(s, e as never), stockDecider.initialState());
      expect(available(final)).toBe(2);
    });

    it('pipelined: never sends a group decided on an append that then failed, even when the stream reached the same revision', async () => {
      const [a] = skus() as [string];
      await receive(a, 4);
      const g = gated(store);
      const piped: CommandRuntime = { ...runtime, store: g.store };
      const groups = createGroupCommit();
      const gate = g.holdNext();
      const first = groups.run(piped, [a], reserving([a], 's1', 1));
      await settleDown();
      // Decided on s1's state (3 left): fine there, but s1 will lose its race.
      const second = groups.run(piped, [a], reserving([a], 's2', 2));
      await settleDown();
      expect(g.calls).toHaveLength(1);
      // Another process takes 3 meanwhile with one event: the stream is at the revision s2 expects.
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
      // s1's retry is held too, so that a wrongly sent s2 (expecting revision 1) would land first.
      const retry = g.holdNext((appends) =>
        appends.some((x) => x.events.some((e) => e.data.orderId === 's1')),
      );
      gate.open();
      // s2, decided again on fresh state, is short (1 left); s1, decided again, takes the last unit.
      await expect(second).rejects.toBeInstanceOf(StockShortage);
      retry.open();
      await expect(first).resolves.toBeDefined();
      const events = await store.readStream(stockStream(a, 'x'));
      const final = events.reduce((s, e) => stockDecider.evolve(s, e as never), stockDecider.initialState());
      expect(available(final)).toBe(0);
      expect(events.map((e) => e.data.orderId ?? null)).toEqual([null, 'elsewhere', 's1']);
    });

    it('pipelined: a failed append in flight makes the group decided on it decide again, and every member still lands', async () => {
      const [a] = skus() as [string];
      await receive(a, 10);
      const g = gated(store);
      const piped: CommandRuntime = { ...runtime, store: g.store };
      const groups = createGroupCommit();
      const gate = g.holdNext();
      const first = groups.run(piped, [a], reserving([a], 't1', 1));
      await settleDown();
      const rest = ['t2', 't3'].map((id) => groups.run(piped, [a], reserving([a], id, 2)));
      await settleDown();
      gate.fail(new Error('connection reset'));
      await Promise.all([first, ...rest]);
      const events = await store.readStream(stockStream(a, 'x'));
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
      expect(events.map((e) => e.data.orderId ?? null).sort()).toEqual([null, 't1', 't2', 't3'].sort());
      const final = events.reduce((s, e) => stockDecider.evolve(s, e as never), stockDecider.initialState());
      expect(available(final)).toBe(5);
    });

    it('a command outside the queue lands on its first retry while pipelined groups keep appending its stream', async () => {
      const [a] = skus() as [string];
      await receive(a, 1_000_000);
      // One process: its group commit and its other commands share the cache and the stream turns.
      const shared: CommandRuntime = { ...runtime, maxRetries: 50, turns: createStreamTurns() };
      const groups = createGroupCommit();
      let placing = true;
      let placed = 0;
      // PGlite answers within microtasks: every loop here yields to the event loop, or one starves the other.
      const yieldTurn = () => new Promise((resolve) => setImmediate(resolve));
      const placer = async (worker: number) => {
        for (let i = 0; placing; i++) {
          await yieldTurn();
          await groups.run(shared, [a], reserving([a], `w${worker}-${i}`, 1));
          placed++;
        }
      };
      const placers = Array.from({ length: 8 }, (_, w) => placer(w));
      // A stock receipt names no queue key: it races the groups. Allowed one retry only, it must
      // win that one, since the retry holds the stream's turn and the groups' appends wait for it.
      const receipts = { ...shared, maxRetries: 1 };
      let received = 0;
      try {
        for (; received < 30 || placed < 300; received++) {
          await yieldTurn();
          await handleCommand(
            receipts,
            stockDecider,
            stockStream(a, 'x'),
            { type: 'ReceiveStock', data: { sku: a, location: 'x', quantity: 1, reference: null } },
            context('admin'),
          );
        }
      } finally {
        placing = false;
        await Promise.all(placers);
      }
      const events = await store.readStream(stockStream(a, 'x'));
      expect(events.filter((e) => e.type === 'StockReceived')).toHaveLength(1 + received);
      expect(events.filter((e) => e.type === 'StockReserved')).toHaveLength(placed);
    });

    it('pipelined: commands queued while the group ahead is appending join the group decided on it', async () => {
      const [a] = skus() as [string];
      await receive(a, 10);
      const g = gated(store);
      const piped: CommandRuntime = { ...runtime, store: g.store };
      const groups = createGroupCommit();
      const gate = g.holdNext();
      const first = groups.run(piped, [a], reserving([a], 'j1', 1));
      await settleDown();
      const later: Promise<StepsOutcome>[] = [];
      for (const id of ['j2', 'j3', 'j4']) {
        later.push(groups.run(piped, [a], reserving([a], id, 1)));
        await settleDown();
      }
      expect(g.calls).toHaveLength(1);
      gate.open();
      await Promise.all([first, ...later]);
      // One append for j1, one for the three that came while it was in flight.
      expect(g.calls).toHaveLength(2);
      expect(g.calls[1]![0]!.events.map((e) => e.data.orderId)).toEqual(['j2', 'j3', 'j4']);
      expect((await Promise.all(later)).map((o) => o.revisions.get(stockStream(a, 'x')))).toEqual([2, 3, 4]);
    });
  });
}
