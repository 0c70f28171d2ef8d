import { createCommandHandlers } from '../../commands/command-handlers.ts';
import { createLocationDirectory } from '../../commands/locations/location-directory.ts';
import { defaultOrderSettings } from '../../commands/orders/order-deps.ts';
import { systemClock } from '../../ports/clock.ts';
import type { EventStore } from '../../ports/event-store.ts';
import { WrongExpectedRevision } from '../../ports/event-store-errors.ts';
import { createGroupCommit } from '../../commands/runtime/group-commit.ts';
import { createKeyedLock } from '../../commands/runtime/keyed-lock.ts';
import { createStateCache } from '../../commands/runtime/state-cache.ts';
import { available, stockDecider } from '../../domain/inventory/index.ts';
import { stockStream } from '../../domain/streams.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import { createManualPayments } from '../../infra/payments/manual-payments.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { benchDatabase, type BenchBackend } from '../lib/bench-databases.ts';
import { percentile, runLoad } from '../lib/load.ts';
import { rawInsertLoad } from '../lib/raw-insert.ts';
import { versus, writeResult } from '../lib/results.ts';

const CLIENTS = 16;
const SKUS = 50;
const LOCATIONS = ['berlin', 'hamburg'];
const HOT_SHARE = 0.9;

/** What the multi-stream appends did: how many, how many events each, how long each took. */
interface AppendStats {
  appends: number;
  events: number;
  ms: number[];
}

/**
 * Counts lost races (appends refused for a stale revision), which the handlers then retry, and
 * times the multi-stream appends (group commits: their size and round trip explain the rate).
 */
function countingConflicts(store: EventStore): {
  store: EventStore;
  conflicts: () => number;
  appendStats: () => AppendStats;
} {
  let conflicts = 0;
  let stats: AppendStats = { appends: 0, events: 0, ms: [] };
  const count = <T>(promise: Promise<T>) =>
    promise.catch((error: unknown) => {
      if (error instanceof WrongExpectedRevision) conflicts++;
      throw error;
    });
  return {
    store: {
      ...store,
      append: (...args) => count(store.append(...args)),
      appendMulti: async (appends) => {
        const begun = performance.now();
        try {
          return await count(store.appendMulti(appends));
        } finally {
          stats.appends++;
          stats.events += appends.reduce((total, append) => total + append.events.length, 0);
          stats.ms.push(performance.now() - begun);
        }
      },
    },
    conflicts: () => conflicts,
    /** The stats since the last call. */
    appendStats: () => {
      const taken = stats;
      stats = { appends: 0, events: 0, ms: [] };
      return taken;
    },
  };
}

/** One line on the group commits of a run, for the notes. */
function describeAppends(label: string, stats: AppendStats, orders: number): string {
  const perAppend = (n: number) => (stats.appends === 0 ? 0 : n / stats.appends).toFixed(1);
  return (
    `${label}: ${stats.appends} multi-stream appends, ${perAppend(orders)} orders and ` +
    `${perAppend(stats.events)} events each, append p50 ${percentile(stats.ms, 50).toFixed(1)} ms, ` +
    `p99 ${percentile(stats.ms, 99).toFixed(1)} ms`
  );
}

const address = { ...berlinAddress, name: 'Bench' };

async function benchBackend(backend: BenchBackend, seconds: number): Promise<void> {
  const { client, dispose } = await benchDatabase(backend);
  const { store, conflicts, appendStats } = countingConflicts(createSqlEventStore(client));
  const locations = createLocationDirectory(store);
  await locations.start();
  const handlers = createCommandHandlers({
    runtime: {
      store,
      cache: createStateCache(),
      ids: uuidV7Ids,
      maxRetries: 1000,
      locks: createKeyedLock(),
      groupCommit: createGroupCommit(),
    },
    locations,
    payments: createManualPayments(),
    clock: systemClock,
    settings: defaultOrderSettings,
  });
  const ctx = () => ({
    actor: { id: 'bench', role: 'admin' as const },
    correlationId: uuidV7Ids.newId(),
    causationId: null,
    now: new Date().toISOString(),
  });
  try {
    console.log(`orders on ${backend}: seeding ${SKUS} products at ${LOCATIONS.length} locations`);
    for (const location of LOCATIONS) await handlers.createLocation(location, location, ctx());
    for (let s = 0; s < SKUS; s++) {
      await handlers.createProduct(
        {
          productId: `p${s}`,
          sku: `SKU${s}`,
          name: `Product ${s}`,
          description: '',
          brand: 'Bench',
          category: 'bench',
          attributes: {},
          allowBackorder: false,
          price: { amount: 1000 + s, currency: 'EUR' },
        },
        ctx(),
      );
      // Enough for the run, but finite: SKU0 is the hot one, in most orders.
      for (const location of LOCATIONS) {
        await handlers.receiveStock(
          { sku: `SKU${s}`, location, quantity: s === 0 ? 2_000_000 : 200_000, reference: null },
          ctx(),
        );
      }
    }
    const rawInsert16 = await rawInsertLoad(client, CLIENTS, seconds);

    const order = (lineCount: number) => {
      const products = new Set<number>();
      if (Math.random() < HOT_SHARE) products.add(0);
      while (products.size < lineCount) products.add(1 + Math.floor(Math.random() * (SKUS - 1)));
      return [...products].map((p) => ({ productId: `p${p}`, quantity: 1 + Math.floor(Math.random() * 2) }));
    };
    const place = (lineCount: number) => async () => {
      await handlers.placeOrder(
        {
          orderId: uuidV7Ids.newId(),
          customerId: 'bench',
          currency: 'EUR',
          lines: order(lineCount),
          shippingAddress: address,
        },
        ctx(),
      );
      return 1;
    };
    const conflictsBefore = conflicts();
    appendStats();
    const cpuBefore = process.cpuUsage();
    const threeLines = await runLoad(
      `orders, 3 lines, ${CLIENTS} clients`,
      { workers: CLIENTS, seconds },
      place(3),
    );
    const conflictsThree = conflicts() - conflictsBefore;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuPerOrder = `3 lines: this process used ${((cpu.user + cpu.system) / 1000 / threeLines.operations).toFixed(2)} ms of CPU per order (${Math.round((cpu.user + cpu.system) / 1e4 / threeLines.seconds)}% of one core)`;
    const appendsThree = describeAppends('3 lines', appendStats(), threeLines.operations);
    const mixed = await runLoad(`orders, 1-5 lines, ${CLIENTS} clients`, { workers: CLIENTS, seconds }, () =>
      place(1 + Math.floor(Math.random() * 5))(),
    );
    const appendsMixed = describeAppends('1-5 lines', appendStats(), mixed.operations);
    console.log(`${appendsThree}\n${appendsMixed}\n${cpuPerOrder}`);

    // Oversell check: every stock stream, folded event by event, never below zero available.
    let oversold = 0;
    for (let s = 0; s < SKUS; s++) {
      for (const location of LOCATIONS) {
        let state = stockDecider.initialState();
        for (const event of await store.readStream(stockStream(`SKU${s}`, location))) {
          state = stockDecider.evolve(state, event as never);
          if (available(state) < 0) oversold++;
        }
      }
    }
    writeResult({
      suite: 'orders',
      at: new Date().toISOString(),
      backend,
      metrics: {
        orders_per_s: versus(threeLines.perSecond, 'orders/s', 'raw_insert_16c', rawInsert16.perSecond),
        orders_per_s_mixed_1_5_lines: versus(
          mixed.perSecond,
          'orders/s',
          'raw_insert_16c',
          rawInsert16.perSecond,
        ),
        latency_p50_ms: { value: percentile(threeLines.latenciesMs, 50), unit: 'ms' },
        latency_p99_ms: { value: percentile(threeLines.latenciesMs, 99), unit: 'ms' },
        conflicts: { value: conflictsThree, unit: 'lost races, each retried' },
        oversold: { value: oversold, unit: 'stock states below zero' },
        raw_insert_16c: { value: rawInsert16.perSecond, unit: 'commits/s' },
      },
      notes: [
        `${CLIENTS} concurrent clients in one process calling the command handlers (no HTTP), ${seconds}s per run`,
        `${SKUS} SKUs at ${LOCATIONS.length} locations; SKU0 is in ${HOT_SHARE * 100}% of orders`,
        `orders_per_s: 3-line orders (${threeLines.operations} placed); mixed: 1 to 5 lines (${mixed.operations} placed)`,
        appendsThree,
        appendsMixed,
        cpuPerOrder,
      ],
    });
  } finally {
    await locations.stop();
    await store.close();
    await dispose();
  }
}

export async function ordersBench(options: { seconds: number; backends: string[] }): Promise<void> {
  for (const backend of options.backends) {
    if (backend !== 'pglite' && backend !== 'postgres')
      throw new Error(`orders bench: unknown backend ${backend}`);
    await benchBackend(backend, options.seconds);
  }
}
