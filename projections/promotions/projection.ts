import { couponCodeEventTypes } from '../../domain/coupon-codes/index.ts';
import { priceChangeEventTypes } from '../../domain/price-changes/index.ts';
import { priceListEventTypes } from '../../domain/price-lists/index.ts';
import { promotionEventTypes } from '../../domain/promotions/index.ts';
import { redemptionEventTypes } from '../../domain/redemptions/index.ts';
import { writeTables } from '../batch-write.ts';
import type { ReadModelProjection } from '../runtime/projection.ts';
import { createTables } from '../table-ddl.ts';
import { update, upsert } from '../table-writes.ts';
import { foldPromotions } from './fold.ts';
import { foldPriceLists } from './price-list-fold.ts';
import { foldPriceChanges } from './price-change-fold.ts';
import {
  activationColumns,
  codeReleaseColumns,
  definitionColumns,
  priceChangeOutcomeColumns,
  priceChanges,
  priceListPrices,
  priceLists,
  priceListStatusColumns,
  promotionCodes,
  promotionRedemptions,
  promotions,
  promotionTables,
  releaseColumns,
  statusColumns,
  type PromotionsDatabase,
} from './tables.ts';

/** Cache tag of everything this read model answers: a promotion starting or ending invalidates it. */
export const promotionsTag = 'promotions';

/**
 * Promotions and price lists for staff (with redemptions, units left and what each cost), the code lookup, and the
 * list of automatic promotions the discount stage reads. Per batch: one statement per table write.
 */
export function promotionsProjection(): ReadModelProjection<PromotionsDatabase> {
  return {
    name: 'promotions',
    // 2: price lists and price changes (their tables, from `pricelist-*` and `pricechange-*`).
    // 3: `promotions.activated_at`, for the Omnibus "was" price of the storefront's promotions.
    version: 3,
    filter: {
      categories: ['promotion', 'coupon', 'redemption', 'pricelist', 'pricechange'],
      eventTypes: [
        ...promotionEventTypes,
        ...couponCodeEventTypes,
        ...redemptionEventTypes,
        ...priceListEventTypes,
        ...priceChangeEventTypes,
      ],
    },
    setup: (db, schema) => createTables(db, schema, promotionTables),
    async apply(db, events) {
      const changes = foldPromotions(events);
      const lists = foldPriceLists(events);
      const priceChangeRows = foldPriceChanges(events);
      await writeTables(db, [
        upsert(promotions, changes.created),
        update(promotions, definitionColumns, changes.edits),
        update(promotions, statusColumns, changes.statuses),
        update(promotions, activationColumns, changes.activations),
        upsert(promotionCodes, changes.codes),
        update(promotionCodes, codeReleaseColumns, changes.codeReleases),
        upsert(promotionRedemptions, changes.redemptions),
        update(promotionRedemptions, releaseColumns, changes.releases),
        upsert(priceLists, lists.lists),
        update(priceLists, priceListStatusColumns, lists.statuses),
        upsert(priceListPrices, lists.prices),
        upsert(priceChanges, priceChangeRows.rows),
        update(priceChanges, priceChangeOutcomeColumns, priceChangeRows.outcomes),
      ]);
      return { invalidate: events.length > 0 ? [promotionsTag] : [] };
    },
  };
}
