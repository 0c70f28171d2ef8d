import type { Kysely } from 'kysely';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { productEventTypes } from '../../domain/catalog/events.ts';
import { inventoryEventTypes } from '../../domain/inventory/events.ts';
import { locationEventTypes } from '../../domain/locations/events.ts';
import { isoTime, writeTables } from '../batch-write.ts';
import { toNumber } from '../column-types.ts';
import { stockFigureRow, stockQuantitiesOf } from '../inventory/stock-columns.ts';
import type { ReadModelProjection } from '../runtime/projection.ts';
import { createTables } from '../table-ddl.ts';
import { insert, upsert } from '../table-writes.ts';
import {
  addConflict,
  catalogKeys,
  foldCatalog,
  type AvailabilityModel,
  type CatalogWorkingSet,
  type PriceHistoryModel,
  type ProductModel,
} from './fold.ts';
import type { PriceEntry } from './omnibus.ts';
import { productColumns, productModelOf } from './product-row.ts';
import {
  availability,
  catalogTables,
  locations,
  priceHistory,
  products,
  type AvailabilityRow,
  type CatalogDatabase,
  type PriceHistoryRow,
  type ProductRow,
} from './tables.ts';

/**
 * Products as the storefront sees them: details, price with history and Omnibus reference price,
 * availability per location and in total, search columns. One batch costs a handful of statements
 * whatever its size: load touched rows, fold in memory, write back set-wise.
 */
export function catalogProjection(): ReadModelProjection<CatalogDatabase> {
  return {
    name: 'catalog',
    // 2: `sku_conflict`, and the SKU unique only among products without it.
    version: 2,
    filter: {
      categories: ['product', 'stock', 'location'],
      eventTypes: [
        ...productEventTypes,
        ...inventoryEventTypes.filter((type) => type !== 'LowStockThresholdSet'),
        ...locationEventTypes,
      ],
    },
    setup: (db, schema) => createTables(db, schema, catalogTables),
    async apply(db, events) {
      const set = await load(db, events);
      const changes = foldCatalog(set, events);
      await writeTables(db, [
        upsert(products, changes.products.map(productRow)),
        upsert(availability, changes.availability.map(availabilityRow)),
        insert(priceHistory, changes.priceHistory.map(historyRow)),
        upsert(
          locations,
          changes.locations.map(({ locationId, name }) => ({ location_id: locationId, name })),
        ),
      ]);
      return { invalidate: changes.tags };
    },
  };
}

async function load(
  db: Kysely<CatalogDatabase>,
  events: readonly RecordedEvent[],
): Promise<CatalogWorkingSet> {
  const keys = catalogKeys(events);
  const set: CatalogWorkingSet = {
    products: new Map(),
    productBySku: new Map(),
    conflictsBySku: new Map(),
    availability: new Map(),
    priceEntries: new Map(),
    locations: new Map(),
  };
  if (keys.productIds.length > 0 || keys.skus.length > 0) {
    const rows = await db
      .selectFrom('products')
      .select(productColumns)
      .where((eb) =>
        eb.or([
          ...(keys.productIds.length > 0 ? [eb('product_id', 'in', keys.productIds)] : []),
          ...(keys.skus.length > 0 ? [eb('sku', 'in', keys.skus)] : []),
        ]),
      )
      .execute();
    for (const row of rows) {
      set.products.set(row.product_id, productModelOf(row));
      if (row.sku_conflict) addConflict(set, row.sku, row.product_id);
      else set.productBySku.set(row.sku, row.product_id);
    }
  }
  if (keys.skus.length > 0) {
    const rows = await db.selectFrom('availability').selectAll().where('sku', 'in', keys.skus).execute();
    for (const row of rows) {
      set.availability.set(`${row.sku}@${row.location}`, {
        sku: row.sku,
        location: row.location,
        ...stockQuantitiesOf(row),
        updatedAt: isoTime(row.updated_at),
      });
    }
  }
  if (keys.pricedProducts.length > 0) {
    const rows = await db
      .selectFrom('price_history')
      .select(['product_id', 'new_amount', 'changed_at'])
      .where('product_id', 'in', keys.pricedProducts)
      .orderBy('product_id')
      .orderBy('revision')
      .execute();
    for (const row of rows) {
      const entries: PriceEntry[] = set.priceEntries.get(row.product_id) ?? [];
      entries.push({ amount: toNumber(row.new_amount), at: isoTime(row.changed_at) });
      set.priceEntries.set(row.product_id, entries);
    }
  }
  return set;
}

function productRow(p: ProductModel): ProductRow {
  return {
    product_id: p.productId,
    sku: p.sku,
    sku_conflict: p.skuConflict,
    name: p.name,
    description: p.description,
    brand: p.brand,
    category: p.category,
    attributes: p.attributes,
    allow_backorder: p.allowBackorder,
    status: p.status,
    discontinued_reason: p.discontinuedReason,
    price_amount: p.priceAmount,
    currency: p.currency,
    price_since: p.priceSince,
    lowest_price_30d: p.lowestPrice30d,
    ...stockFigureRow(p),
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    revision: p.revision,
  };
}

function availabilityRow(a: AvailabilityModel): AvailabilityRow {
  return {
    sku: a.sku,
    location: a.location,
    ...stockFigureRow(a),
    updated_at: a.updatedAt,
  };
}

function historyRow(h: PriceHistoryModel): PriceHistoryRow {
  return {
    product_id: h.productId,
    revision: h.revision,
    kind: h.kind,
    old_amount: h.oldAmount,
    new_amount: h.newAmount,
    currency: h.currency,
    reason: h.reason,
    actor_id: h.actorId,
    actor_role: h.actorRole,
    changed_at: h.changedAt,
    event_id: h.eventId,
  };
}
