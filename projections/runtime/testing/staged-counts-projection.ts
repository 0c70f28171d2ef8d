import { col, defineTable, type DatabaseOf } from '../../table-declaration.ts';
import { createTables } from '../../table-ddl.ts';
import { insert, upsert } from '../../table-writes.ts';
import type { ReadModelProjection, Staged } from '../projection.ts';
import { stagedApply } from '../staged.ts';

const countsTable = defineTable({
  name: 'counts',
  columns: { stream: col.text(), events: col.integer() },
  primaryKey: ['stream'],
});

const keysTable = defineTable({
  name: 'keys',
  columns: { key: col.text(), event_id: col.text() },
  primaryKey: ['key'],
  indexes: [{ name: 'keys_by_event', on: ['event_id'] }],
});

/** A staged test read model: events per stream (upserted), and every event's `key` (appended). */
export type StagedCountsDb = DatabaseOf<[typeof countsTable, typeof keysTable]>;

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
      const writes = [
        upsert(
          countsTable,
          [...touched].map((stream) => ({ stream, events: counts.get(stream)! })),
        ),
        insert(
          keysTable,
          events.map((event) => ({
            key: typeof event.data.key === 'string' ? event.data.key : event.id,
            event_id: event.id,
          })),
        ),
      ];
      return { writes, effects: {} };
    },
  };
  return {
    name,
    version: 1,
    filter: { categories: ['thing'] },
    setup: (db, schema) => createTables(db, schema, [countsTable, keysTable]),
    staged,
    apply: stagedApply(staged),
  };
}
