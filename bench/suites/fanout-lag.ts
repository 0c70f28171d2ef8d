import { benchMetadata } from '../lib/bench-events.ts';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import type { NewEvent, RecordedEvent } from '../../ports/event-store.ts';
import type { EventBus } from '../../infra/bus/event-bus.ts';
import { createNatsBus, deleteNatsStream } from '../../infra/bus/nats-bus.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import { createMetricsRegistry } from '../../infra/metrics/registry.ts';
import { publisherProjection } from '../../projections/publisher/publisher-projection.ts';
import { startSinkProjector } from '../../projections/runtime/projector-runner.ts';
import { serviceUrls } from '../../test-support/service-urls.ts';
import { benchDatabase } from '../lib/bench-databases.ts';
import { percentile } from '../lib/load.ts';
import { versus, type Metric } from '../lib/results.ts';

export interface FanoutLagOptions {
  /** Seconds of sustained load measured (after one second of warm-up). */
  seconds?: number;
  /** Appended events per second (default 1,000). */
  rate?: number;
  natsUrl?: string;
  log?: (line: string) => void;
}

const TICK_MS = 10;
const STREAMS = 200;

/**
 * End-to-end fan-out lag under sustained load: events appended to the PostgreSQL event store at
 * `rate` per second (one event per append, spread over many streams, as commands append), published
 * by the publisher projector (the projector runtime, woken by each append of this process, else its
 * 20 ms poll) to the real nats-server
 * on a JetStream stream of its own, handled by a durable consumer. Lag = consumer handled − append
 * called, per event, on one clock.
 *
 * Baseline, same run: the same rate published straight to a JetStream stream and consumed (no event
 * store, no projector), so the ratio says what the store-and-forward path adds to the bus's own lag.
 */
export async function measureFanoutLag(options: FanoutLagOptions = {}): Promise<Record<string, Metric>> {
  const seconds = options.seconds ?? 5;
  const rate = options.rate ?? 1_000;
  const url = options.natsUrl ?? serviceUrls().nats;
  const say = options.log ?? (() => {});
  const log = pino({ level: 'warn' });
  const { client, dispose } = await benchDatabase('postgres');
  const store = createSqlEventStore(client);
  const suffix = randomBytes(4).toString('hex');
  const streams = [`QM_BENCH_LAG_${suffix}`, `QM_BENCH_RAW_${suffix}`];
  const buses: EventBus[] = [];
  try {
    const open = async (stream: string) => {
      const bus = await createNatsBus({ url, stream, subjectPrefix: stream.toLowerCase(), log });
      buses.push(bus);
      return bus;
    };
    const bus = await open(streams[0]!);
    const projector = await startSinkProjector(
      { store, database: client, log, metrics: createMetricsRegistry() },
      publisherProjection(bus),
    );
    const e2e = await sustained(bus, rate, seconds, async (events) => {
      await Promise.all(events.map((event, i) => store.append(`bench-${i % STREAMS}`, [event], 'any')));
    });
    await projector.stop();
    say(`fan-out lag: p50 ${e2e.p50.toFixed(1)} ms, p99 ${e2e.p99.toFixed(1)} ms over ${e2e.count} events`);

    const raw = await open(streams[1]!);
    const direct = await sustained(raw, rate, seconds, async (events) => {
      await raw.publish(events.map((event, i) => recorded(event, i)));
    });
    say(`JetStream alone: p50 ${direct.p50.toFixed(1)} ms, p99 ${direct.p99.toFixed(1)} ms`);
    const baseline = 'JetStream publish → consume at the same rate, no event store';
    return {
      fanout_lag_p50_ms: versus(e2e.p50, 'ms', baseline, direct.p50),
      fanout_lag_p99_ms: versus(e2e.p99, 'ms', baseline, direct.p99),
    };
  } finally {
    await Promise.all(buses.map((bus) => bus.close()));
    await Promise.all(streams.map((stream) => deleteNatsStream(url, stream)));
    await store.close();
    await dispose();
  }
}

/**
 * Unmeasured writing before the lag is taken. The path from the store to the consumer runs behind
 * for its first two to three seconds (connections opening, statements prepared, code compiled):
 * with one second, the measured window began with a second-long backlog, and that backlog was the
 * p99 (580-1,370 ms, against 15-35 ms per quarter second after it). The read suite's lag waits
 * five seconds for the same reason.
 */
const WARM_UP_MS = 5_000;

/**
 * Feeds `send` `rate` events per second in 10 ms ticks for the warm-up plus `seconds`, and takes the
 * lag of the events sent after the warm-up as a durable consumer handles them.
 */
async function sustained(
  bus: EventBus,
  rate: number,
  seconds: number,
  send: (events: NewEvent[]) => Promise<void>,
): Promise<{ p50: number; p99: number; count: number }> {
  const sentAt = new Map<string, number>();
  const lags: number[] = [];
  const measureFrom = performance.now() + WARM_UP_MS;
  let expected = 0;
  const consumer = await bus.consume({
    durable: 'lag',
    deliverFrom: 'new',
    handle: async (event) => {
      const at = sentAt.get(event.id);
      if (at === undefined) return;
      sentAt.delete(event.id);
      if (at >= measureFrom) lags.push(performance.now() - at);
    },
  });
  const perTick = (rate * TICK_MS) / 1000;
  const ticks = (seconds * 1000 + WARM_UP_MS) / TICK_MS;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let tick = 0; tick < ticks; tick++) {
    const due = start + tick * TICK_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const events = Array.from({ length: perTick }, () => benchEvent());
    const now = performance.now();
    for (const event of events) sentAt.set(event.id, now);
    if (now >= measureFrom) expected += events.length;
    inFlight.push(send(events));
  }
  await Promise.all(inFlight);
  const deadline = performance.now() + 30_000;
  while (lags.length < expected && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await consumer.stop();
  return { p50: percentile(lags, 50), p99: percentile(lags, 99), count: lags.length };
}

function benchEvent(): NewEvent {
  return {
    id: uuidV7Ids.newId(),
    type: 'BenchTicked',
    data: { at: Date.now() },
    metadata: benchMetadata(),
  };
}

/** The baseline publishes without a store: give each event the place a store would. */
function recorded(event: NewEvent, index: number): RecordedEvent {
  return {
    ...event,
    stream: `bench-${index % STREAMS}`,
    revision: 0,
    position: { commit: 0n, prepare: BigInt(index) },
    recordedAt: new Date().toISOString(),
  };
}
