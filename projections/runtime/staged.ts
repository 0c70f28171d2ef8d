import type { Kysely } from 'kysely';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { writeTables } from '../batch-write.ts';
import type { ProjectionEffects, Staged } from './projection.ts';

/** A projection's `apply` from its stages: load into empty models, fold, write, in the batch's transaction. */
export function stagedApply<Database, Models>(
  staged: Staged<Database, Models>,
): (db: Kysely<Database>, events: readonly RecordedEvent[]) => Promise<ProjectionEffects> {
  return async (db, events) => {
    const models = staged.empty();
    await staged.load(db, events, models);
    const { writes, effects } = staged.fold(models, events);
    await writeTables(db as Kysely<unknown>, writes);
    return effects;
  };
}
