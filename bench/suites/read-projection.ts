import { Presets, SingleBar } from 'cli-progress';
import type { Position } from '../../ports/position.ts';
import { createLogger } from '../../infra/logging/logger.ts';
import { createMetricsRegistry } from '../../infra/metrics/registry.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { pgAppendNotifications } from '../../infra/event-store/sql/pg-append-notifications.ts';
import { startProjectors, type RunningProjectors } from '../../ops/compose/projectors.ts';
import { readModelProjections } from '../../projections/read-models.ts';
import { replayProjection } from '../../projections/runtime/replay.ts';
import { migratedPostgres } from '../../test-support/databases.ts';
import { readAllRate } from '../lib/bench-events.ts';
import { percentile } from '../lib/load.ts';
import { forkShopWriter, now, type ShopWriter } from '../lib/shop-writer.ts';
import { versus, type Metric } from '../lib/results.ts';

export interface MeasureProjectionOptions {
  /** Seconds of sustained writes for the lag measurement. */
  seconds: number;
  /** Target write rate during the lag measurement (events/s). Default 1,000. */
  eventsPerSecond?: number;
  /** Events in the log the replays rebuild from. Default 40,000. */
  replayEvents?: number;
  /** Shops written side by side (each a seeded mixed workload with ids of its own). Default 16. */
  shops?: number;
}

const SEED = 20261121;
/**
 * Unmeasured seconds of writing at the rate before the lag is measured. The lag runs high for the
 * first two to three seconds of writing (JIT, caches, the first statements of each shape), then
 * settles; with two seconds of warm-up that start still fell into the measured seconds.
 */
const WARM_UP_SECONDS = 5;
/** The lag is measured for at least this long: its p99 needs more than a throughput figure does. */
const MIN_LAG_SECONDS = 10;

/**
 * Projection lag and replay speed of the real read models (catalog, inventory, orders, audit,
 * replenishment) on PostgreSQL, fed by the seeded mixed shop workload through the real command
 * handlers: products and price changes, receipts, transfers, orders through payment, shipment,
 * refund and cancellation, replenishment. Returns the `read` suite's projection metrics:
 *
 * - `projection_lag_p50_ms` / `_p99_ms`: from a command's acknowledgement until a read model has
 *   applied its events, over every write and every read model, while the shops write at
 *   `eventsPerSecond` in a second process for at least `MIN_LAG_SECONDS`, after
 *   `WARM_UP_SECONDS` unmeasured seconds of the same;
 *   `projection_lag_write_rate` is the rate they reached;
 * - `read_side_lag_p50_ms` / `_p99_ms`: until all five have (the slowest per write): what a read
 *   joining every read model with that write's consistency token would wait for;
 * - `read_all`: events/s of a raw `readAll` over the whole log (the baseline);
 * - `replay_<model>_events_per_s`: `qm replay <model>` (`replayProjection`, its default batch
 *   size) over the same log, in log events per second: the whole log is what a rebuild covers,
 *   whether or not the model's filter lets an event through; the better of two replays, as the raw
 *   read is the better of two reads;
 * - `replay_events_per_s`: the slowest of them, so the figure holds for every read model.
 */
export async function measureProjection(options: MeasureProjectionOptions): Promise<Record<string, Metric>> {
  const rate = options.eventsPerSecond ?? 1000;
  const database = await migratedPostgres(20);
  // The projecting side of server mode: woken by the writer process's appends (LISTEN/NOTIFY).
  const store = createSqlEventStore(database.client, {
    notifications: pgAppendNotifications({ client: database.client, connectionString: database.url }),
  });
  const projections = readModelProjections();
  const names = projections.map((projection) => projection.name);
  const deps = {
    store,
    database: database.client,
    log: createLogger('warn'),
    metrics: createMetricsRegistry(),
  };
  const writer = forkShopWriter({ url: database.url, shops: options.shops ?? 16, seed: SEED });
  let projectors: RunningProjectors | undefined;
  try {
    const running = (projectors = await startProjectors(deps, { readModels: projections }));
    console.log(`projection lag: ${options.shops ?? 16} shops open, then write at ${rate} events/s`);
    await writer.request({ type: 'open' });
    const head = await store.headPosition();
    if (head && !(await running.waitFor(names, head, 60_000)))
      throw new Error('read models did not catch up');

    const readSideLags: number[] = [];
    const byModel = new Map(names.map((name) => [name, [] as number[]]));
    const waits: Promise<void>[] = [];
    let timeouts = 0;
    // Each read model's lag for each write (the projection lag), and the slowest of them per write
    // (what a read across every read model with that write's consistency token waits for).
    const lagOf = async (position: Position, at: number, record: boolean) => {
      const each = await Promise.all(
        names.map(async (name) => {
          const reached = await running.waitFor([name], position, 10_000);
          if (!reached) timeouts++;
          const lag = now() - at;
          if (record) byModel.get(name)!.push(lag);
          return lag;
        }),
      );
      if (record) readSideLags.push(Math.max(...each));
    };
    // The first seconds of writing are not measured: they warm up both processes (JIT, caches)
    // and let the projectors settle into the rate. Their appends are waited for all the same, so
    // that this process's share of the measuring is already under way when the measured seconds
    // begin.
    const { eventsPerSecond = 0 } = await writer.request(
      {
        type: 'paced',
        rate,
        seconds: Math.max(options.seconds, MIN_LAG_SECONDS),
        warmUpSeconds: WARM_UP_SECONDS,
      },
      { appended: (position, at, warmUp) => void waits.push(lagOf(position, at, !warmUp)) },
    );
    await Promise.all(waits);
    if (timeouts > 0) throw new Error(`${timeouts} writes were not projected within 10 s`);
    await running.stop();
    const lags = [...byModel.values()].flat();
    const perModel = Object.fromEntries(
      [...byModel].map(([name, values]) => [
        `projection_lag_${name}_p99_ms`,
        { value: percentile(values, 99), unit: 'ms' },
      ]),
    );

    const target = options.replayEvents ?? 40_000;
    console.log(`replay: writing the log up to ${target} events`);
    await fill(writer, target);
    // The raw read is taken before and after the replays and the faster one kept: on a shared
    // machine a single run can be slowed by neighbours, and the baseline should not flatter a ratio.
    const before = await readAllRate(store);
    const replays: Record<string, Metric> = {};
    let slowest = Infinity;
    for (const projection of projections) {
      // Best of two, as the raw read is: one sample on each side would compare a replay run in a
      // slow moment of the machine with a raw read run in a fast one (they swing up to 2x here).
      const runs = [];
      for (let run = 0; run < 2; run++)
        runs.push(await replayProjection(deps, { kind: 'read_model', projection }));
      const result = runs.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
      const perSecond = before.events / result.seconds;
      slowest = Math.min(slowest, perSecond);
      replays[`replay_${projection.name}_events_per_s`] = { value: perSecond, unit: '1/s' };
      console.log(`  ${projection.name}: ${Math.round(perSecond)} events/s (${result.events} applied)`);
    }
    const after = await readAllRate(store);
    const raw = Math.max(before.perSecond, after.perSecond);
    for (const [key, metric] of Object.entries(replays)) {
      replays[key] = versus(metric.value, '1/s', 'read_all', raw);
    }
    return {
      projection_lag_p50_ms: { value: percentile(lags, 50), unit: 'ms' },
      projection_lag_p99_ms: { value: percentile(lags, 99), unit: 'ms' },
      projection_lag_write_rate: { value: eventsPerSecond, unit: '1/s' },
      read_side_lag_p50_ms: { value: percentile(readSideLags, 50), unit: 'ms' },
      read_side_lag_p99_ms: { value: percentile(readSideLags, 99), unit: 'ms' },
      ...perModel,
      read_all: { value: raw, unit: '1/s' },
      replay_events_per_s: versus(slowest, '1/s', 'read_all', raw),
      replay_log_events: { value: before.events, unit: 'events' },
      ...replays,
    };
  } finally {
    // Also when a phase failed; stopping twice is harmless.
    await projectors?.stop();
    await writer.close();
    await store.close();
    await database.dispose();
  }
}

/** Has the writer fill the log up to `target` events, with a progress bar. */
async function fill(writer: ShopWriter, target: number): Promise<void> {
  const bar = new SingleBar(
    { format: '  log {bar} {value}/{total} events | {eta_formatted} left', etaBuffer: 20 },
    Presets.shades_classic,
  );
  bar.start(target, 0);
  try {
    await writer.request(
      { type: 'fill', target },
      { progress: (events) => bar.update(Math.min(events, target)) },
    );
    bar.update(target);
  } finally {
    bar.stop();
  }
}
