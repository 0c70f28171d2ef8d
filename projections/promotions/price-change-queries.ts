import type { Kysely } from 'kysely';
import { isoTime as iso } from '../batch-write.ts';
import type { PromotionsDatabase } from './tables.ts';

type Row = Awaited<ReturnType<ReturnType<typeof allColumns>['execute']>>[number];

const allColumns = (db: Kysely<PromotionsDatabase>) => db.selectFrom('price_changes').selectAll();

const view = (row: Row) => ({
  changeId: row.change_id,
  kind: row.kind,
  status: row.status,
  reason: row.reason,
  actor: { id: row.actor_id, role: row.actor_role },
  effectiveAt: iso(row.effective_at),
  selection: row.selection,
  /** The products it names (scheduled prices) or moved (applied), without repeats. */
  products: [
    ...new Set([...row.targets.map((t) => t.productId), ...row.applied.map((a) => a.productId)]),
  ].sort(),
  targets: row.targets,
  applied: row.applied,
  skipped: row.skipped,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

export type PriceChangeView = ReturnType<typeof view>;

/** Staff: price changes, latest effective time first (scheduled ones ahead), optionally of one status. */
export async function listPriceChanges(
  db: Kysely<PromotionsDatabase>,
  request: { status?: Row['status'] | undefined; limit: number },
): Promise<PriceChangeView[]> {
  let query = allColumns(db);
  if (request.status) query = query.where('status', '=', request.status);
  const rows = await query
    .orderBy('effective_at', 'desc')
    .orderBy('change_id')
    .limit(request.limit)
    .execute();
  return rows.map(view);
}

/** Staff: one price change with its targets and what it did. */
export async function priceChangeDetail(db: Kysely<PromotionsDatabase>, changeId: string) {
  const row = await allColumns(db).where('change_id', '=', changeId).executeTakeFirst();
  return row ? view(row) : null;
}
