import type { EventStore } from '../../ports/event-store.ts';
import { WrongExpectedRevision } from '../../ports/event-store-errors.ts';
import { available, stockDecider } from '../../domain/inventory/index.ts';
import { stockStream } from '../../domain/streams.ts';
import { CLIENTS, HOT_SHARE, LOCATIONS, SKUS, openInProcessShop } from '../lib/bench-shop.ts';
import type { BenchBackend } from '../lib/bench-databases.ts';
import { percentile, runLoad } from '../lib/load.ts';
import { rawInsertLoad } from '../lib/raw-insert.ts';
import { versus, writeResult } from '../lib/results.ts';

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

async function benchBackend(backend: BenchBackend, seconds: number): Promise<void> {
  let counting: ReturnType<typeof countingConflicts> | undefined;
  const shop = await openInProcessShop(backend, (store) => (counting = countingConflicts(store)).store);
  const { conflicts, appendStats } = counting!;
  const { client, store } = shop;
  try {
    const rawInsert16 = await rawInsertLoad(client, CLIENTS, seconds);

    const place = (lineCount: number) => async () => {
      await shop.place(lineCount);
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
    await shop.close();
  }
}

export async function ordersBench(options: { seconds: number; backends: string[] }): Promise<void> {
  for (const backend of options.backends) {
    if (backend !== 'pglite' && backend !== 'postgres')
      throw new Error(`orders bench: unknown backend ${backend}`);
    await benchBackend(backend, options.seconds);
  }
}
