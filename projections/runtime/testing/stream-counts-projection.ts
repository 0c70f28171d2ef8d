import { sql, type Kysely } from 'kysely';
import type { EventFilter, RecordedEvent } from '../../../ports/event-store.ts';
import type { ReadModelProjection } from '../projection.ts';

/** The runtime's own test read model: how many events each stream has, and the last one seen. */
export interface StreamCountsDb {
  stream_counts: { stream: string; events: number; last_event_id: string };
}

export interface StreamCountsOptions {
  name?: string;
  version?: number;
  filter?: EventFilter;
  /** Throws after the batch's rows are written (to prove they roll back with the checkpoint). */
  failAfterWrite?: (events: readonly RecordedEvent[]) => boolean;
  /** Waits this long inside each batch's transaction, so a crash test can kill a process mid-batch. */
  delayMs?: number;
  /** Awaited inside each batch's transaction before its first write. */
  beforeWrite?: (events: readonly RecordedEvent[]) => Promise<void>;
  /** Awaited inside each batch's transaction after its write (the COMMIT not yet sent). */
  afterWrite?: (events: readonly RecordedEvent[]) => Promise<void>;
}

/** Events whose data has `poison: true` cannot be applied: a stand-in for a projection bug. */
export function streamCountsProjection(
  options: StreamCountsOptions = {},
): ReadModelProjection<StreamCountsDb> {
  return {
    name: options.name ?? 'stream_counts',
    version: options.version ?? 1,
    ...(options.filter ? { filter: options.filter } : {}),
    async setup(db: Kysely<StreamCountsDb>) {
      await db.schema
        .createTable('stream_counts')
        .addColumn('stream', 'text', (c) => c.primaryKey())
        .addColumn('events', 'integer', (c) => c.notNull())
        .addColumn('last_event_id', 'text', (c) => c.notNull())
        .execute();
    },
    async apply(db, events) {
      const poisoned = events.find((event) => event.data.poison === true);
      if (poisoned) throw new Error(`cannot count a poisoned event`);
      const byStream = new Map<string, { stream: string; events: number; last_event_id: string }>();
      for (const event of events) {
        const row = byStream.get(event.stream) ?? { stream: event.stream, events: 0, last_event_id: '' };
        row.events += 1;
        row.last_event_id = event.id;
        byStream.set(event.stream, row);
      }
      await options.beforeWrite?.(events);
      await db
        .insertInto('stream_counts')
        .values([...byStream.values()])
        .onConflict((conflict) =>
          conflict.column('stream').doUpdateSet({
            events: sql`stream_counts.events + excluded.events`,
            last_event_id: sql`excluded.last_event_id`,
          }),
        )
        .execute();
      await options.afterWrite?.(events);
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (options.failAfterWrite?.(events)) throw new Error('injected failure after the rows were written');
      return { invalidate: [...byStream.keys()].map((stream) => `stream:${stream}`) };
    },
  };
}
