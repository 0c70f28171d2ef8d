import { describe, expect, it } from 'vitest';
import type { PromotionAction } from './definition.ts';
import { evaluatePromotions } from './evaluate.ts';
import { unitPriceUnder } from './shelf-price.ts';
import { active, cart, definition, line } from '../testing/promotion-fixtures.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('unitPriceUnder (a product page price under an item-level promotion)', () => {
  it.each<[PromotionAction, number]>([
    [{ kind: 'items_percent', basisPoints: 2000 }, 1999],
    [{ kind: 'items_percent', basisPoints: 3333 }, 1999],
    [{ kind: 'items_percent', basisPoints: 1250 }, 5],
    [{ kind: 'items_fixed', amountPerUnit: 500 }, 1999],
    [{ kind: 'items_fixed', amountPerUnit: 500 }, 300],
  ])('is what checkout charges for one unit under %o at %i', (action, price) => {
    const def = definition(action);
    const [applied] = evaluatePromotions(cart([line('MUG', price)]), [
      { promotion: active('p', def), code: null },
    ]).applied;
    expect(unitPriceUnder(def, eur(price))).toEqual(eur(price - applied!.amount.amount));
  });

  it('has no unit price for other actions, or in a currency the promotion is not in', () => {
    expect(unitPriceUnder(definition({ kind: 'order_percent', basisPoints: 1000 }), eur(1000))).toBeNull();
    expect(
      unitPriceUnder(
        definition({ kind: 'buy_x_get_y', buy: 1, get: 1, basisPoints: 10_000, pick: 'cheapest' }),
        eur(1000),
      ),
    ).toBeNull();
    const fixed = definition({ kind: 'items_fixed', amountPerUnit: 100 });
    expect(unitPriceUnder(fixed, { amount: 1000, currency: 'USD' })).toBeNull();
    const anyCurrency = definition(
      { kind: 'items_percent', basisPoints: 1000 },
      { rules: { currency: null } },
    );
    expect(unitPriceUnder(anyCurrency, { amount: 1000, currency: 'USD' })).toEqual({
      amount: 900,
      currency: 'USD',
    });
  });
});
