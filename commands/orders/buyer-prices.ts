import type { PricingLine } from '../../domain/pricing/price-breakdown.ts';
import { noPriceLists, priceFromLists, type PriceFor } from '../pricing/price-lists.ts';
import type { Load } from '../pricing/stream-load.ts';
import type { OrderDeps } from './order-deps.ts';

/**
 * The unit prices a placement gives `buyer` (the order's currency and the customer's groups now):
 * each line from the buyer's price list for the currency and the line's quantity (its tier), else
 * the catalog price the line carries. `POST /orders`, a cart's checkout and staff order edits price
 * lines here, so an edit adds a line at what placing it now would cost that customer.
 */
export function placementUnitPrices<Line extends Pick<PricingLine, 'productId' | 'quantity' | 'unitPrice'>>(
  deps: Pick<OrderDeps, 'activePriceListIds'>,
  load: Load,
  buyer: PriceFor,
  lines: readonly Line[],
): Promise<Line[]> {
  return priceFromLists(load, deps.activePriceListIds ?? noPriceLists, buyer, lines);
}
