import type { Kysely } from 'kysely';
import type { TableWrite } from '../../batch-write.ts';
import type { ReadModelProjection, Staged } from '../projection.ts';
import { stagedApply } from '../staged.ts';

/** A staged test read model: events per stream (upserted), and every event's `key` (appended). */
export interface StagedCountsDb {
  counts: { stream: string; events: number };
  keys: { key: string; event_id: string };
}

/**
 * The runtime's staged test projection, for the bulk fill's paths. Events whose data has
 * `poison: true` make the fold throw (a stand-in for a projection bug); two events with the same
 * `key` append one row, the first (as `insert` does live; COPY refuses the second).
 */
export function stagedCountsProjection(name = 'staged_counts'): ReadModelProjection<StagedCountsDb> {
  const staged: Staged<StagedCountsDb, Map<string, number>> = {
    empty: () => new Map(),
    size: (counts) => counts.size,
    async load(db, events, counts) {
      const missing = [...new Set(events.map((event) => event.stream))].filter(
        (stream) => !counts.has(stream),
      );
      if (missing.length === 0) return;
      const rows = await db.selectFrom('counts').selectAll().where('stream', 'in', missing).execute();
      for (const row of rows) counts.set(row.stream, row.events);
    },
    fold(counts, events) {
      const touched = new Set<string>();
      for (const event of events) {
        if (event.data.poison === true) throw new Error(`cannot count a poisoned event`);
        counts.set(event.stream, (counts.get(event.stream) ?? 0) + 1);
        touched.add(event.stream);
      }
      const writes: TableWrite[] = [
        {
          kind: 'upsert',
          table: 'counts',
          keys: ['stream'],
          types: { stream: 'text', events: 'integer' },
          rows: [...touched].map((stream) => ({ stream, events: counts.get(stream) })),
        },
        {
          kind: 'insert',
          table: 'keys',
          keys: ['key'],
          types: { key: 'text', event_id: 'text' },
          rows: events.map((event) => ({
            key: typeof event.data.key === 'string' ? event.data.key : event.id,
            event_id: event.id,
          })),
        },
      ];
      return { writes, effects: {} };
    },
  };
  return {
    name,
    version: 1,
    filter: { categories: ['thing'] },
    async setup(db: Kysely<StagedCountsDb>) {
      await db.schema
        .createTable('counts')
        .addColumn('stream', 'text', (c) => c.primaryKey())
        .addColumn('events', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('keys')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('keys_by_event').on('keys').column('event_id').execute();
    },
    staged,
    apply: stagedApply(staged),
  };
}
