import { percentage, type Money } from '../money.ts';
import type { PromotionDefinition } from './definition.ts';

/**
 * What one unit of a matching product costs under an item-level promotion, as a product page shows
 * it: the price less what `evaluatePromotions` would take off a cart of that one unit (percent off
 * matching items, or a fixed amount off each matching unit; a flash sale is one of these with a unit
 * limit). Null for every other action (buy X get Y, bundles, order-level discounts: no per-unit
 * price), and where the promotion names a currency the price is not in. The other rules (code,
 * minimum, groups, stock) still decide at checkout; this is the headline price only.
 */
export function unitPriceUnder(definition: PromotionDefinition, price: Money): Money | null {
  const { action, rules } = definition;
  if (rules.currency !== null && rules.currency !== price.currency) return null;
  switch (action.kind) {
    case 'items_percent':
      return {
        amount: price.amount - percentage(price, action.basisPoints).amount,
        currency: price.currency,
      };
    case 'items_fixed':
      return { amount: Math.max(0, price.amount - action.amountPerUnit), currency: price.currency };
    default:
      return null;
  }
}
