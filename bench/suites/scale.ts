import { benchMetadata } from '../lib/bench-events.ts';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { BusUnavailable, type EventBus } from '../../infra/bus/event-bus.ts';
import { createNatsBus } from '../../infra/bus/nats-bus.ts';
import { createPgClient } from '../../infra/sql/pg-client.ts';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { startNatsCluster } from '../../test-support/nats-cluster.ts';
import { startPgPrimaryWithReplica } from '../../test-support/pg-replica.ts';
import { percentile } from '../lib/load.ts';
import { fleetFigures } from './scale-fleet.ts';
import { versus, writeResult, type Metric } from '../lib/results.ts';

/**
 * `npm run bench -- scale`:
 * - `replica_read_lag_ms_p99`: a commit on a PostgreSQL 15 primary until its streaming hot standby
 *   (both started here, on free ports) has replayed it, per commit, against the same commit read
 *   back from the primary;
 * - `nats_node_loss_lost_messages`: messages published to a 3-server NATS cluster (stream at 3
 *   replicas) while the stream's leader is killed, retried while unacknowledged as the publisher
 *   does, then missing from a consumer's reading of the stream (must be 0), with the duplicates.
 * - the fleet's figures (`scale-fleet.ts`): orders over HTTP on 1 and on 3 API processes, and the
 *   projector failover time.
 * Writes bench/results/scale-postgres.json.
 */
export async function scaleBench(options: { seconds: number }): Promise<void> {
  const say = (line: string) => console.log(line);
  const metrics: Record<string, Metric> = {
    ...(await replicaReadLag(Math.max(200, options.seconds * 100), say)),
    ...(await natsNodeLoss(say)),
    ...(await fleetFigures(options.seconds, say)),
  };
  writeResult({
    suite: 'scale',
    backend: 'postgres',
    at: new Date().toISOString(),
    metrics,
    notes: [
      'replica: PostgreSQL 15 primary and pg_basebackup streaming hot standby on loopback, fsync off',
      'NATS: 3 nats-server 2.9 processes on loopback, JetStream stream at replicas 3, leader SIGKILLed mid-stream',
      'fleet: 3 qm serve --no-projectors --no-fanout, 2 qm project, 2 qm work --no-projectors on PostgreSQL, Redis and NATS; the load generator shares its 16 connections among the API processes (no proxy process); 2 cores for all of it',
      'projector_failover_s: SIGKILL of the qm project holding the orders lease until an order placed right after is in the orders read model of the standby',
    ],
  });
}

async function replicaReadLag(commits: number, say: (line: string) => void): Promise<Record<string, Metric>> {
  const servers = await startPgPrimaryWithReplica('bench');
  const primary = createPgClient({ connectionString: servers.primaryUrl, maxConnections: 2 });
  const replica = createPgClient({ connectionString: servers.replicaUrl, maxConnections: 2 });
  try {
    await primary.query('create table lag_probe (id bigint primary key)');
    const seen = async (client: typeof primary, id: number) =>
      (await client.query('select 1 from lag_probe where id = $1', [id])).length > 0;
    await waitFor(() =>
      replica.query('select 1 from lag_probe limit 1').then(
        () => true,
        () => false,
      ),
    );
    const lags: number[] = [];
    const own: number[] = [];
    for (let id = 1; id <= commits; id++) {
      await primary.query('insert into lag_probe values ($1)', [id]);
      const committed = performance.now();
      await seen(primary, id);
      own.push(performance.now() - committed);
      const asked = performance.now();
      while (!(await seen(replica, id))) await new Promise((resolve) => setImmediate(resolve));
      lags.push(performance.now() - asked);
    }
    const p99 = percentile(lags, 99);
    say(`replica read lag: p50 ${percentile(lags, 50).toFixed(2)} ms, p99 ${p99.toFixed(2)} ms`);
    return {
      replica_read_lag_ms_p99: versus(
        p99,
        'ms',
        'the same commit read back from the primary',
        percentile(own, 99),
      ),
    };
  } finally {
    await replica.close();
    await primary.close();
    servers.dispose();
  }
}

async function natsNodeLoss(say: (line: string) => void): Promise<Record<string, Metric>> {
  const cluster = await startNatsCluster(3);
  const log = pino({ level: 'silent' });
  const stream = 'QM_BENCH_NODE_LOSS';
  const buses: EventBus[] = [];
  try {
    const open = async () => {
      const bus = await createNatsBus({ url: cluster.url, stream, log, replicas: 3, subjectPrefix: 'bench' });
      buses.push(bus);
      return bus;
    };
    const publisher = await open();
    const sent: string[] = [];
    let retries = 0;
    const publish = async (events: RecordedEvent[]) => {
      for (;;) {
        try {
          return await publisher.publish(events);
        } catch (error) {
          if (!(error instanceof BusUnavailable)) throw error;
          retries += 1;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    };
    const batches = 60;
    let killed: string | null = null;
    for (let batch = 0; batch < batches; batch++) {
      const events = Array.from({ length: 50 }, (_, i) => probeEvent(batch * 50 + i));
      sent.push(...events.map((event) => event.id));
      await publish(events);
      if (batch === batches / 3) {
        killed = await cluster.streamLeader(stream);
        await cluster.kill(killed);
      }
    }
    if (killed) await cluster.restart(killed);
    const received = new Map<string, number>();
    const consumer = await (
      await open()
    ).consume({
      durable: 'count',
      handle: async (event) => void received.set(event.id, (received.get(event.id) ?? 0) + 1),
    });
    await waitFor(() => sent.every((id) => received.has(id)), 30_000).catch(() => undefined);
    await consumer.stop();
    const lost = sent.filter((id) => !received.has(id)).length;
    const duplicates = [...received.values()].filter((count) => count > 1).length;
    say(
      `NATS node loss: ${sent.length} sent, ${lost} lost, ${duplicates} duplicated, ${retries} retried publishes`,
    );
    return {
      nats_node_loss_lost_messages: { value: lost, unit: 'messages' },
      nats_node_loss_duplicate_messages: { value: duplicates, unit: 'messages' },
      nats_node_loss_publish_retries: { value: retries, unit: 'batches' },
    };
  } finally {
    await Promise.all(buses.map((bus) => bus.close().catch(() => undefined)));
    await cluster.dispose();
  }
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function probeEvent(index: number): RecordedEvent {
  return {
    id: randomUUID(),
    type: 'BenchTicked',
    stream: `bench-${index % 20}`,
    revision: 0,
    position: { commit: 0n, prepare: BigInt(index) },
    recordedAt: new Date().toISOString(),
    data: { index },
    metadata: benchMetadata(),
  };
}
