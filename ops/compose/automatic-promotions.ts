import type { Logger } from '../../infra/logging/logger.ts';
import type { SqlExecutor } from '../../infra/sql/sql-client.ts';
import { activePriceListIds } from '../../projections/promotions/price-list-queries.ts';
import { automaticPromotionIds } from '../../projections/promotions/queries.ts';
import type { PromotionsDatabase } from '../../projections/promotions/tables.ts';
import { createReadModels } from '../../read-api/http/read-models.ts';

/** How long a list of ids is kept: an activation reaches checkout within it. */
const TTL_MS = 2_000;

/**
 * Ids the price pipeline reads from the promotions read model, kept for `TTL_MS` so that a
 * placement does not query it every time. The pipeline then reads each from its own stream, which
 * has the last word on its status and content. While the read model cannot be read (not yet
 * built), the last list known is used (none at first) and a warning is logged: an order then goes
 * through without it rather than failing.
 */
function cachedIds(
  database: SqlExecutor,
  log: Pick<Logger, 'warn'>,
  what: string,
  query: (db: Parameters<typeof automaticPromotionIds>[0]) => Promise<string[]>,
) {
  const readModels = createReadModels(database);
  let known: { ids: readonly string[]; until: number } | undefined;
  return async (): Promise<readonly string[]> => {
    if (known && known.until > Date.now()) return known.ids;
    try {
      const ids = await readModels.lookup<PromotionsDatabase, string[]>('promotions', query);
      known = { ids, until: Date.now() + TTL_MS };
      return ids;
    } catch (error) {
      log.warn({ err: error }, `${what} unreadable: pricing without them meanwhile`);
      return known?.ids ?? [];
    }
  };
}

/** The active promotions that need no code, for the discount stage (`commands/promotions/discount-stage.ts`). */
export function automaticPromotions(database: SqlExecutor, log: Pick<Logger, 'warn'>) {
  return cachedIds(database, log, 'automatic promotions', automaticPromotionIds);
}

/** The active price lists, for carts, quotes and orders (`commands/pricing/price-lists.ts`). */
export function activePriceLists(database: SqlExecutor, log: Pick<Logger, 'warn'>) {
  return cachedIds(database, log, 'price lists', activePriceListIds);
}
