/**
 * The price lists' part of the promotions read model: pure, in memory, per batch. A list made in the
 * batch is changed in place by its later events; an archive of an earlier batch's list is an update.
 */
import { assertNever } from '../../domain/assert-never.ts';
import { isPriceListEvent } from '../../domain/price-lists/index.ts';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { eventTime } from '../batch-write.ts';
import type { PriceListPriceRow, PriceListRow, PriceListStatusChange } from './tables.ts';

export interface PriceListChanges {
  lists: PriceListRow[];
  statuses: PriceListStatusChange[];
  prices: PriceListPriceRow[];
}

export function foldPriceLists(events: readonly RecordedEvent[]): PriceListChanges {
  const lists = new Map<string, PriceListRow>();
  const statuses = new Map<string, PriceListStatusChange>();
  const prices = new Map<string, PriceListPriceRow>();
  for (const event of events) {
    if (!isPriceListEvent(event)) continue;
    const at = eventTime(event);
    const { priceListId } = event.data;
    switch (event.type) {
      case 'PriceListCreated': {
        const { name, currency, customerGroups, priority } = event.data;
        lists.set(priceListId, {
          price_list_id: priceListId,
          name,
          currency,
          customer_groups: customerGroups,
          priority,
          status: 'active',
          created_at: at,
          updated_at: at,
        });
        break;
      }
      case 'PriceListPricesSet':
        for (const { productId, tiers } of event.data.prices)
          prices.set(`${priceListId}\u0000${productId}`, {
            price_list_id: priceListId,
            product_id: productId,
            tiers,
            removed: false,
            updated_at: at,
          });
        break;
      case 'PriceListPricesRemoved':
        for (const productId of event.data.productIds)
          prices.set(`${priceListId}\u0000${productId}`, {
            price_list_id: priceListId,
            product_id: productId,
            tiers: [],
            removed: true,
            updated_at: at,
          });
        break;
      case 'PriceListArchived': {
        const row = lists.get(priceListId);
        if (row) Object.assign(row, { status: 'archived', updated_at: at });
        else statuses.set(priceListId, { price_list_id: priceListId, status: 'archived', updated_at: at });
        break;
      }
      default:
        assertNever(event);
    }
  }
  return { lists: [...lists.values()], statuses: [...statuses.values()], prices: [...prices.values()] };
}
