import { replenishmentEventTypes } from '../../domain/replenishment/index.ts';
import { writeTables } from '../batch-write.ts';
import type { ReadModelProjection } from '../runtime/projection.ts';
import { createTables } from '../table-ddl.ts';
import { insert, update, upsert } from '../table-writes.ts';
import { foldReplenishment } from './fold.ts';
import {
  closingColumns,
  policies,
  reorderPoints,
  replenishmentTables,
  suggestions,
  type ReplenishmentDatabase,
} from './tables.ts';

/** Cache tag of everything this read model answers (staff lists, uncached today but ready). */
export const replenishmentTag = 'replenishment';

/**
 * Reorder points and replenishment suggestions for staff. Per batch: one statement per table
 * (upserts of targets and policies, an insert of new suggestions, an update closing older ones).
 */
export function replenishmentProjection(): ReadModelProjection<ReplenishmentDatabase> {
  return {
    name: 'replenishment',
    version: 1,
    filter: { categories: ['replenishment'], eventTypes: replenishmentEventTypes },
    setup: (db, schema) => createTables(db, schema, replenishmentTables),
    async apply(db, events) {
      const changes = foldReplenishment(events);
      await writeTables(db, [
        upsert(reorderPoints, changes.reorderPoints),
        upsert(policies, changes.policies),
        insert(suggestions, changes.suggestions),
        update(suggestions, closingColumns, changes.closings),
      ]);
      return { invalidate: events.length > 0 ? [replenishmentTag] : [] };
    },
  };
}
