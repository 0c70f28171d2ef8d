/** The inventory read model's batch fold: pure, in memory (see `catalog/fold.ts` for the pattern). */
import type { RecordedEvent } from '../../ports/event-store.ts';
import { isInventoryEvent } from '../../domain/inventory/events.ts';
import { eventTime } from '../batch-write.ts';
import { cacheTags, tagSet } from '../cache-tags.ts';
import { availableOf, foldStock, noStock, type StockQuantities } from './stock-fold.ts';

export type StockLevelModel = StockQuantities & {
  sku: string;
  location: string;
  threshold: number | null;
  revision: number;
  updatedAt: string;
};

export const stockKey = (sku: string, location: string): string => `${sku}@${location}`;

/** The domain's rule (`isLowStock`): at or below a threshold that is set. */
export const isLow = (s: StockLevelModel): boolean => s.threshold !== null && availableOf(s) <= s.threshold;

export function inventoryKeys(events: readonly RecordedEvent[]): string[] {
  const skus = new Set<string>();
  for (const event of events) if (isInventoryEvent(event)) skus.add(event.data.sku);
  return [...skus];
}

/** Applies `events` to `levels` (every loaded row, by `stockKey`); returns the changed rows and tags. */
export function foldInventory(
  levels: Map<string, StockLevelModel>,
  events: readonly RecordedEvent[],
): { changed: StockLevelModel[]; tags: string[] } {
  const tags = tagSet();
  const changed = new Set<string>();
  for (const event of events) {
    if (!isInventoryEvent(event)) continue;
    const { sku, location } = event.data;
    const key = stockKey(sku, location);
    const at = eventTime(event);
    const before = levels.get(key) ?? {
      sku,
      location,
      ...noStock(),
      threshold: null,
      revision: 0,
      updatedAt: at,
    };
    const quantities = foldStock(before, event);
    const threshold = event.type === 'LowStockThresholdSet' ? event.data.threshold : before.threshold;
    const after: StockLevelModel = {
      ...before,
      ...quantities,
      threshold,
      revision: event.revision,
      updatedAt: at,
    };
    levels.set(key, after);
    changed.add(key);
    tags.add(cacheTags.stock(sku));
    if (isLow(before) || isLow(after)) tags.add(cacheTags.lowStock);
  }
  return { changed: [...changed].map((key) => levels.get(key)!), tags: tags.list() };
}
