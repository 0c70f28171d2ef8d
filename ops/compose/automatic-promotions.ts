import type { Logger } from '../../infra/logging/logger.ts';
import type { SqlExecutor } from '../../infra/sql/sql-client.ts';
import { automaticPromotionIds } from '../../projections/promotions/queries.ts';
import type { PromotionsDatabase } from '../../projections/promotions/tables.ts';
import { createReadModels } from '../../read-api/http/read-models.ts';

/** How long the list of automatic promotions is kept: an activation reaches checkout within it. */
const TTL_MS = 2_000;

/**
 * The ids of the active promotions that need no code, for the discount stage
 * (`commands/promotions/discount-stage.ts`), from the promotions read model, kept for `TTL_MS` so
 * that a placement does not query it every time. The stage reads each promotion from its stream,
 * which has the last word on its status and version. While the read model cannot be read (not yet
 * built), the last list known is used (none at first) and a warning is logged: an order then
 * goes through without an automatic discount rather than failing.
 */
export function automaticPromotions(database: SqlExecutor, log: Pick<Logger, 'warn'>) {
  const readModels = createReadModels(database);
  let known: { ids: readonly string[]; until: number } | undefined;
  return async (): Promise<readonly string[]> => {
    if (known && known.until > Date.now()) return known.ids;
    try {
      const ids = await readModels.read<PromotionsDatabase, string[]>('promotions', (view) =>
        automaticPromotionIds(view.db),
      );
      known = { ids, until: Date.now() + TTL_MS };
      return ids;
    } catch (error) {
      log.warn({ err: error }, 'automatic promotions unreadable: pricing without them meanwhile');
      return known?.ids ?? [];
    }
  };
}
