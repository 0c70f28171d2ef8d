/**
 * The catalog's batch fold: pure, in memory. The projection loads the rows a batch touches, this
 * applies the events in log order, and the projection writes back what changed.
 */
import type { RecordedEvent } from '../../ports/event-store.ts';
import { evolveProduct } from '../../domain/catalog/evolve.ts';
import { isProductEvent, type ProductEvent } from '../../domain/catalog/events.ts';
import type { ProductState } from '../../domain/catalog/state.ts';
import { isInventoryEvent } from '../../domain/inventory/events.ts';
import { isLocationEvent } from '../../domain/locations/events.ts';
import { eventTime } from '../batch-write.ts';
import { cacheTags, tagSet } from '../cache-tags.ts';
import { availableOf, foldStock, noStock, type StockQuantities } from '../inventory/stock-fold.ts';
import { lowestPriorPrice, type PriceEntry } from './omnibus.ts';
import type { ProductStatus } from './tables.ts';

export type ProductModel = {
  productId: string;
  sku: string;
  /** Created with a SKU another product already had (see `ProductsTable.sku_conflict`). */
  skuConflict: boolean;
  name: string;
  description: string;
  brand: string;
  category: string;
  attributes: Record<string, string>;
  allowBackorder: boolean;
  status: ProductStatus;
  discontinuedReason: string | null;
  priceAmount: number;
  currency: string;
  priceSince: string;
  lowestPrice30d: number | null;
  onHand: number;
  reserved: number;
  backordered: number;
  createdAt: string;
  updatedAt: string;
  revision: number;
};

export type AvailabilityModel = StockQuantities & { sku: string; location: string; updatedAt: string };

export type PriceHistoryModel = {
  productId: string;
  revision: number;
  kind: 'created' | 'changed';
  oldAmount: number | null;
  newAmount: number;
  currency: string;
  reason: string | null;
  actorId: string;
  actorRole: string;
  changedAt: string;
  eventId: string;
};

/** What the batch starts from (loaded rows) and, after `foldCatalog`, what it changed. */
export type CatalogWorkingSet = {
  products: Map<string, ProductModel>;
  /** Every loaded or created product by SKU: the first one created with it. */
  productBySku: Map<string, string>;
  /** Products created later with a SKU already taken, by SKU: they show the SKU's stock too. */
  conflictsBySku: Map<string, Set<string>>;
  /** `sku@location` → levels; holds every location of each SKU the batch touches. */
  availability: Map<string, AvailabilityModel>;
  /** Price entries, oldest first, for products whose price changes in this batch. */
  priceEntries: Map<string, PriceEntry[]>;
  locations: Map<string, string>;
};

export type CatalogChanges = {
  products: ProductModel[];
  availability: AvailabilityModel[];
  priceHistory: PriceHistoryModel[];
  locations: { locationId: string; name: string }[];
  tags: string[];
};

/** Keys the projection must load before folding `events`. */
export function catalogKeys(events: readonly RecordedEvent[]) {
  const productIds = new Set<string>();
  const skus = new Set<string>();
  const pricedProducts = new Set<string>();
  for (const event of events) {
    if (isProductEvent(event)) {
      productIds.add(event.data.productId);
      if (event.type === 'ProductCreated') skus.add(event.data.sku);
      if (event.type === 'PriceChanged') pricedProducts.add(event.data.productId);
    } else if (isInventoryEvent(event)) skus.add(event.data.sku);
  }
  return { productIds: [...productIds], skus: [...skus], pricedProducts: [...pricedProducts] };
}

export function foldCatalog(set: CatalogWorkingSet, events: readonly RecordedEvent[]): CatalogChanges {
  const tags = tagSet();
  const dirtyProducts = new Set<string>();
  const dirtyStock = new Set<string>();
  const touchedSkus = new Set<string>();
  const priceHistory: PriceHistoryModel[] = [];
  const locations = new Map<string, string>();
  const inStockBefore = new Map<string, boolean>();

  for (const event of events) {
    const at = eventTime(event);
    if (isProductEvent(event)) {
      const before = set.products.get(event.data.productId);
      const next = applyProductEvent(before, event, at, event.revision);
      if (next === before || next === undefined) continue;
      if (before === undefined) {
        const holder = set.productBySku.get(next.sku);
        // Log order decides, so a rebuild flags the same product as the live projector did.
        if (holder !== undefined && holder !== next.productId) {
          next.skuConflict = true;
          addConflict(set, next.sku, next.productId);
        } else set.productBySku.set(next.sku, next.productId);
        Object.assign(next, totals(set, next.sku));
      }
      set.products.set(next.productId, next);
      dirtyProducts.add(next.productId);
      tags.add(cacheTags.product(next.productId));
      tags.add(cacheTags.listing);
      tags.add(cacheTags.search);
      const history = priceChange(event, before, next, at);
      if (history !== null) {
        priceHistory.push(history);
        if (event.type === 'PriceChanged') {
          const entries = set.priceEntries.get(next.productId) ?? [];
          entries.push({ amount: history.newAmount, at });
          set.priceEntries.set(next.productId, entries);
          next.lowestPrice30d = lowestPriorPrice(entries, entries.length - 1);
        } else {
          set.priceEntries.set(next.productId, [{ amount: history.newAmount, at }]);
        }
      }
    } else if (isInventoryEvent(event)) {
      const { sku, location } = event.data;
      const key = `${sku}@${location}`;
      const current = set.availability.get(key) ?? { sku, location, ...noStock(), updatedAt: at };
      const folded = foldStock(current, event);
      if (folded === current) continue;
      const productId = set.productBySku.get(sku);
      if (productId !== undefined && !inStockBefore.has(productId)) {
        inStockBefore.set(productId, availableOf(set.products.get(productId)!) > 0);
      }
      set.availability.set(key, { ...current, ...folded, updatedAt: at });
      dirtyStock.add(key);
      touchedSkus.add(sku);
      tags.add(cacheTags.stock(sku));
    } else if (isLocationEvent(event)) {
      set.locations.set(event.data.locationId, event.data.name);
      locations.set(event.data.locationId, event.data.name);
    }
  }

  for (const sku of touchedSkus) {
    for (const conflicting of set.conflictsBySku.get(sku) ?? []) {
      Object.assign(set.products.get(conflicting)!, totals(set, sku));
      dirtyProducts.add(conflicting);
      tags.add(cacheTags.product(conflicting));
    }
    const productId = set.productBySku.get(sku);
    if (productId === undefined) continue;
    const product = set.products.get(productId)!;
    Object.assign(product, totals(set, sku));
    dirtyProducts.add(productId);
    tags.add(cacheTags.product(productId));
    if (inStockBefore.has(productId) && inStockBefore.get(productId) !== availableOf(product) > 0) {
      tags.add(cacheTags.listing);
      tags.add(cacheTags.search);
    }
  }

  return {
    products: [...dirtyProducts].map((id) => set.products.get(id)!),
    availability: [...dirtyStock].map((key) => set.availability.get(key)!),
    priceHistory,
    locations: [...locations].map(([locationId, name]) => ({ locationId, name })),
    tags: tags.list(),
  };
}

export function addConflict(set: CatalogWorkingSet, sku: string, productId: string): void {
  const products = set.conflictsBySku.get(sku) ?? new Set<string>();
  products.add(productId);
  set.conflictsBySku.set(sku, products);
}

function totals(set: CatalogWorkingSet, sku: string): StockQuantities {
  const sum = noStock();
  for (const levels of set.availability.values()) {
    if (levels.sku !== sku) continue;
    sum.onHand += levels.onHand;
    sum.reserved += levels.reserved;
    sum.backordered += levels.backordered;
  }
  return sum;
}

/** The product after the event, through the domain's own `evolveProduct`; the same object if unchanged. */
function applyProductEvent(
  before: ProductModel | undefined,
  event: ProductEvent,
  at: string,
  revision: number,
): ProductModel | undefined {
  const state = toState(before);
  const after = evolveProduct(state, event);
  if (after === state || after.status === 'absent') return before;
  const { product } = after;
  const base: ProductModel = before ?? {
    productId: product.productId,
    sku: product.sku,
    skuConflict: false,
    name: '',
    description: '',
    brand: '',
    category: '',
    attributes: {},
    allowBackorder: false,
    status: 'active',
    discontinuedReason: null,
    priceAmount: product.price.amount,
    currency: product.price.currency,
    priceSince: at,
    lowestPrice30d: null,
    ...noStock(),
    createdAt: at,
    updatedAt: at,
    revision,
  };
  const priceChanged = before !== undefined && before.priceAmount !== product.price.amount;
  return {
    ...base,
    name: product.name,
    description: product.description,
    brand: product.brand,
    category: product.category,
    attributes: product.attributes,
    allowBackorder: product.allowBackorder,
    status: after.status,
    discontinuedReason: after.status === 'discontinued' ? after.reason : null,
    priceAmount: product.price.amount,
    currency: product.price.currency,
    priceSince: priceChanged || event.type === 'PriceChanged' ? at : base.priceSince,
    updatedAt: at,
    revision,
  };
}

function toState(model: ProductModel | undefined): ProductState {
  if (model === undefined) return { status: 'absent' };
  const product = {
    productId: model.productId,
    sku: model.sku,
    price: { amount: model.priceAmount, currency: model.currency },
    name: model.name,
    description: model.description,
    brand: model.brand,
    category: model.category,
    attributes: model.attributes,
    allowBackorder: model.allowBackorder,
  };
  return model.status === 'active'
    ? { status: 'active', product }
    : { status: 'discontinued', product, reason: model.discontinuedReason ?? '' };
}

function priceChange(
  event: RecordedEvent & ProductEvent,
  before: ProductModel | undefined,
  after: ProductModel,
  at: string,
): PriceHistoryModel | null {
  if (event.type !== 'ProductCreated' && event.type !== 'PriceChanged') return null;
  const { actor } = event.metadata;
  const reason = event.type === 'PriceChanged' ? event.data.reason : null;
  return {
    productId: after.productId,
    revision: event.revision,
    kind: event.type === 'ProductCreated' ? 'created' : 'changed',
    oldAmount: before === undefined ? null : before.priceAmount,
    newAmount: after.priceAmount,
    currency: after.currency,
    reason,
    actorId: actor.id,
    actorRole: actor.role,
    changedAt: at,
    eventId: event.id,
  };
}
