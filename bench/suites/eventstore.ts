import type { EventStore } from '../../ports/event-store.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { newEventId } from '../../infra/event-store/new-event-id.ts';
import { benchDatabase, type BenchBackend } from '../lib/bench-databases.ts';
import { benchEvents, readAllRate } from '../lib/bench-events.ts';
import { runLoad } from '../lib/load.ts';
import { rawInsertLoad } from '../lib/raw-insert.ts';
import { versus, writeResult, type Metric } from '../lib/results.ts';

/**
 * Appends per second with `workers` writers, each on a stream of its own at the exact revision it
 * last wrote (what a command handler does, minus the decision), `batch` events per append.
 */
function appendLoad(store: EventStore, label: string, workers: number, batch: number, seconds: number) {
  const run = newEventId().slice(-12);
  const revisions = new Map<number, number>();
  return runLoad(label, { workers, seconds }, async (worker) => {
    const result = await store.append(
      `bench-${run}w${worker}`,
      benchEvents(batch),
      revisions.get(worker) ?? 'no_stream',
    );
    revisions.set(worker, result.nextRevision);
    return batch;
  });
}

async function benchBackend(backend: BenchBackend, seconds: number): Promise<void> {
  const { client, dispose } = await benchDatabase(backend);
  const store = createSqlEventStore(client);
  try {
    const rawInsert1 = await rawInsertLoad(client, 1, seconds);
    const rawInsert16 = await rawInsertLoad(client, 16, seconds);
    const append1 = await appendLoad(store, 'append, 1 writer', 1, 1, seconds);
    const append16 = await appendLoad(store, 'append, 16 writers', 16, 1, seconds);
    const batch = await appendLoad(store, 'append, batches of 100', 4, 100, seconds);
    const read = await readAllRate(store);
    const metrics: Record<string, Metric> = {
      append_1w: versus(append1.perSecond, 'events/s', 'raw_insert_1c', rawInsert1.perSecond),
      append_16w: versus(append16.perSecond, 'events/s', 'raw_insert_16c', rawInsert16.perSecond),
      append_batch100: versus(batch.perSecond, 'events/s', 'raw_insert_16c', rawInsert16.perSecond),
      read_all: { value: read.perSecond, unit: 'events/s' },
      raw_insert_1c: { value: rawInsert1.perSecond, unit: 'commits/s' },
      raw_insert_16c: { value: rawInsert16.perSecond, unit: 'commits/s' },
    };
    writeResult({
      suite: 'eventstore',
      at: new Date().toISOString(),
      backend,
      metrics,
      notes: [
        `each figure measured for ${seconds}s on a fresh ${backend === 'postgres' ? 'database' : 'PGlite data folder'}`,
        'append_batch100: 4 writers, 100 events per append; read_all: the whole global log in reads of 5,000',
        `read_all read ${read.events} events`,
        ...(backend === 'pglite' ? ['PGlite runs one connection: "16 writers/connections" queue on it'] : []),
      ],
    });
  } finally {
    await store.close();
    await dispose();
  }
}

export async function eventstoreBench(options: { seconds: number; backends: string[] }): Promise<void> {
  for (const backend of options.backends) {
    if (backend !== 'pglite' && backend !== 'postgres')
      throw new Error(`eventstore bench: unknown backend ${backend}`);
    await benchBackend(backend, options.seconds);
  }
}
