import type { ProductNowView } from '../catalog/queries.ts';
import type { CartLineEntry } from './tables.ts';

/** What changed for a line since it was added or last changed, as the cart view says it. */
export type LineChange =
  | { kind: 'price_changed'; from: number; to: number }
  | { kind: 'discontinued' }
  | { kind: 'quantity_unavailable'; requested: number; available: number }
  | { kind: 'product_gone' };

/**
 * Compares a line with its product now: a different price, a discontinued product, fewer units
 * available than the line holds (a product that allows backorders is never short).
 */
export function lineChanges(line: CartLineEntry, now: ProductNowView | undefined): LineChange[] {
  if (!now) return [{ kind: 'product_gone' }];
  const changes: LineChange[] = [];
  if (now.price.amount !== line.unitPrice)
    changes.push({ kind: 'price_changed', from: line.unitPrice, to: now.price.amount });
  if (now.status === 'discontinued') changes.push({ kind: 'discontinued' });
  if (!now.allowBackorder && now.available < line.quantity)
    changes.push({
      kind: 'quantity_unavailable',
      requested: line.quantity,
      available: Math.max(0, now.available),
    });
  return changes;
}
