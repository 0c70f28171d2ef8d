import type { EventStore, Position } from '../../commands/ports/event-store.ts';
import { comparePositions } from '../../commands/ports/position.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { createLogger } from '../../infra/logging/logger.ts';
import { createMetricsRegistry } from '../../infra/metrics/registry.ts';
import type { AnyReadModelProjection } from '../../projections/runtime/projection.ts';
import { startReadModelProjector } from '../../projections/runtime/projector-runner.ts';
import { replayProjection } from '../../projections/runtime/replay.ts';
import { streamCountsProjection } from '../../projections/runtime/testing/stream-counts-projection.ts';
import { newEventId } from '../../infra/event-store/new-event-id.ts';
import { benchDatabase, type BenchBackend } from '../lib/bench-databases.ts';
import { benchEvents, readAllRate } from '../lib/bench-events.ts';
import { percentile } from '../lib/load.ts';
import { versus, type Metric } from '../lib/results.ts';

export interface MeasureProjectionOptions {
  /** Seconds of sustained writes for the lag measurement. */
  seconds: number;
  backend?: BenchBackend;
  /** Sustained write rate during the lag measurement (events/s). */
  eventsPerSecond?: number;
  /** Events in the log that the replay rebuilds from. */
  replayEvents?: number;
  /**
   * The read model to follow and replay: give the real ones (one at a time) once they exist; by
   * default the runtime's test model (events per stream, set-based), which measures the runtime.
   */
  projection?: AnyReadModelProjection;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Projection lag under sustained writes, and replay speed beside a raw read of the whole log, on
 * one fresh database. Returns the `read` suite's projection metrics:
 * - `projection_lag_p50_ms` / `projection_lag_p99_ms`: from an append's acknowledgement to the
 *   projector's committed checkpoint passing it, while writes run at `eventsPerSecond`;
 * - `read_all`: events/s of a raw `readAll` loop over the whole log (the baseline);
 * - `replay_events_per_s`: `qm replay`'s core (`replayProjection`) over the same log, with its
 *   ratio to `read_all`.
 */
export async function measureProjection(options: MeasureProjectionOptions): Promise<Record<string, Metric>> {
  const { client, dispose } = await benchDatabase(options.backend ?? 'postgres');
  const store = createSqlEventStore(client, { pollIntervalMs: 10 });
  const projection = options.projection ?? streamCountsProjection({ name: 'bench_counts' });
  const deps = { store, database: client, log: createLogger('warn'), metrics: createMetricsRegistry() };
  try {
    const pending: { position: Position; ackedAt: number }[] = [];
    const lags: number[] = [];
    const projector = await startReadModelProjector(deps, projection, {
      batchSize: 500,
      pollIntervalMs: 5,
      leaseRetryMs: 50,
      onApplied(_effects, position) {
        const now = performance.now();
        for (let i = pending.length - 1; i >= 0; i--) {
          if (comparePositions(pending[i]!.position, position) <= 0) {
            lags.push(now - pending[i]!.ackedAt);
            pending.splice(i, 1);
          }
        }
      },
    });
    await sustainedWrites(store, options.eventsPerSecond ?? 1000, options.seconds, (position) =>
      pending.push({ position, ackedAt: performance.now() }),
    );
    const last = await store.headPosition();
    if (last) await projector.waitFor(last, 10_000);
    await projector.stop();

    await fillLog(store, options.replayEvents ?? 100_000);
    // The raw read is taken before and after the replay and the faster one kept: on a shared
    // machine a single run can be slowed by neighbours, and the baseline should not flatter the ratio.
    const before = await readAllRate(store);
    const replay = await replayProjection(deps, { kind: 'read_model', projection }, { batchSize: 5000 });
    const replayRate = replay.events / replay.seconds;
    const after = await readAllRate(store);
    const raw = before.perSecond >= after.perSecond ? before : after;
    return {
      projection_lag_p50_ms: { value: percentile(lags, 50), unit: 'ms' },
      projection_lag_p99_ms: { value: percentile(lags, 99), unit: 'ms' },
      read_all: { value: raw.perSecond, unit: '1/s' },
      replay_events_per_s: versus(replayRate, '1/s', 'read_all', raw.perSecond),
    };
  } finally {
    await dispose();
  }
}

/** Appends at `rate` events/s (one event per append, spread over streams) for `seconds`. */
async function sustainedWrites(
  store: EventStore,
  rate: number,
  seconds: number,
  acked: (position: Position) => void,
): Promise<void> {
  const workers = 8;
  const interval = (1000 * workers) / rate;
  const run = newEventId().slice(-12);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let i = 0; ; i++) {
        const due = started + worker * (interval / workers) + i * interval;
        if (due > deadline) return;
        await sleep(due - performance.now());
        const result = await store.append(`lag${run}-${worker}`, benchEvents(1), 'any');
        acked(result.position);
      }
    }),
  );
}

/** Appends `count` events quickly (100 per append, 16 at once) so the replay has a log to read. */
async function fillLog(store: EventStore, count: number): Promise<void> {
  const per = 100;
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async (_, worker) => {
      while (next < count) {
        next += per;
        await store.append(`fill-${worker}x${next % 50}`, benchEvents(per), 'any');
      }
    }),
  );
}
