import type { Kysely } from 'kysely';
import { returnPolicyEventTypes } from '../../domain/return-policy/events.ts';
import { returnEventTypes } from '../../domain/returns/events.ts';
import type { ExistingReturn } from '../../domain/returns/state.ts';
import { isoTime } from '../batch-write.ts';
import type { ReadModelProjection, Staged } from '../runtime/projection.ts';
import { stagedApply } from '../runtime/staged.ts';
import { createTables } from '../table-ddl.ts';
import { insert, upsert } from '../table-writes.ts';
import { foldReturns, returnIds, type ReturnModel } from './fold.ts';
import { returnPolicy, returns, returnsTables, returnSteps, type ReturnsDatabase } from './tables.ts';

/** Cache tag of the returns views (uncached per-user and staff answers today, but ready). */
export const returnsTag = 'returns';

/**
 * Returns for the customer's list, the staff RMA queues and the order's timeline, and the shop's
 * returns policy as last set (version 2 added it: the rebuild folds the policies already set). Per batch: one
 * select of the touched returns not loaded yet, one upsert of them, one insert of their steps.
 * It holds no personal data (no free text, no photos), so an erasure changes nothing here.
 */
export function returnsProjection(): ReadModelProjection<ReturnsDatabase> {
  const staged: Staged<ReturnsDatabase, Map<string, ReturnModel>> = {
    empty: () => new Map(),
    size: (models) => models.size,
    load: (db, events, models) => load(db, returnIds(events), models),
    fold(models, events) {
      const changes = foldReturns(models, events);
      return {
        writes: [
          upsert(returns, changes.returns),
          insert(returnSteps, changes.steps),
          upsert(returnPolicy, changes.policy),
        ],
        effects: { invalidate: changes.steps.length > 0 || changes.policy.length > 0 ? [returnsTag] : [] },
      };
    },
  };
  return {
    name: 'returns',
    version: 2,
    filter: {
      categories: ['return', 'returnpolicy'],
      eventTypes: [...returnEventTypes, ...returnPolicyEventTypes],
    },
    setup: (db, schema) => createTables(db, schema, returnsTables),
    staged,
    apply: stagedApply(staged),
  };
}

/** Adds the returns among `ids` that `models` does not hold yet, as stored. */
async function load(db: Kysely<ReturnsDatabase>, ids: string[], models: Map<string, ReturnModel>) {
  const missing = ids.filter((id) => !models.has(id));
  if (missing.length === 0) return;
  const rows = await db
    .selectFrom('returns')
    .select(['return_id', 'state', 'requested_at', 'updated_at', 'status_since', 'revision'])
    .where('return_id', 'in', missing)
    .execute();
  for (const row of rows) {
    models.set(row.return_id, {
      state: (typeof row.state === 'string' ? JSON.parse(row.state) : row.state) as ExistingReturn,
      requestedAt: isoTime(row.requested_at),
      updatedAt: isoTime(row.updated_at),
      statusSince: isoTime(row.status_since),
      revision: row.revision,
    });
  }
}
