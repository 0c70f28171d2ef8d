import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { active, cart, definition, line } from '../testing/promotion-fixtures.ts';
import { evaluatePromotions, type Candidate, type PromotionAction } from './index.ts';

const skus = ['A', 'B', 'C', 'D', 'E'];

const lines = fc.array(
  fc.record({
    sku: fc.constantFrom(...skus),
    price: fc.integer({ min: 0, max: 100_000 }),
    quantity: fc.integer({ min: 1, max: 20 }),
    category: fc.constantFrom('mugs', 'plates'),
  }),
  { minLength: 1, maxLength: 20 },
);

const bp = fc.integer({ min: 1, max: 10_000 });
const amount = fc.integer({ min: 1, max: 200_000 });
const action: fc.Arbitrary<PromotionAction> = fc.oneof(
  bp.map((basisPoints) => ({ kind: 'order_percent' as const, basisPoints })),
  amount.map((a) => ({ kind: 'order_fixed' as const, amount: a })),
  bp.map((basisPoints) => ({ kind: 'items_percent' as const, basisPoints })),
  amount.map((amountPerUnit) => ({ kind: 'items_fixed' as const, amountPerUnit })),
  fc.constant({ kind: 'free_shipping' as const }),
  fc.record({
    kind: fc.constant('buy_x_get_y' as const),
    buy: fc.integer({ min: 1, max: 4 }),
    get: fc.integer({ min: 1, max: 3 }),
    basisPoints: bp,
    pick: fc.constantFrom('cheapest' as const, 'most_expensive' as const),
  }),
  fc.record({
    kind: fc.constant('bundle_price' as const),
    items: fc.uniqueArray(
      fc.record({
        productId: fc.constantFrom(...skus.map((s) => `p-${s}`)),
        quantity: fc.integer({ min: 1, max: 3 }),
      }),
      { minLength: 1, maxLength: 3, selector: (i) => i.productId },
    ),
    price: fc.integer({ min: 0, max: 100_000 }),
  }),
  fc.record({
    kind: fc.constant('mix_and_match' as const),
    quantity: fc.integer({ min: 1, max: 5 }),
    price: fc.integer({ min: 0, max: 100_000 }),
  }),
  fc
    .array(fc.record({ minSubtotal: fc.integer({ min: 0, max: 500_000 }), basisPoints: bp }), {
      minLength: 1,
      maxLength: 3,
    })
    .map((tiers) => ({ kind: 'tiered' as const, tiers })),
);

const candidates = fc
  .array(
    fc.record({
      action,
      stacking: fc.constantFrom('exclusive' as const, 'combinable' as const),
      priority: fc.integer({ min: 0, max: 3 }),
      categories: fc.constantFrom<string[]>([], ['mugs'], ['plates']),
    }),
    { maxLength: 8 },
  )
  .map((specs) =>
    specs.map((s, i): Candidate => ({
      promotion: active(
        `p${i}`,
        definition(s.action, {
          stacking: s.stacking,
          priority: s.priority,
          rules: { categories: s.categories },
        }),
      ),
      code: null,
    })),
  );

describe('evaluation properties', () => {
  it('never more than the subtotal, no line below zero, allocations sum to each discount, integers only', () => {
    fc.assert(
      fc.property(lines, candidates, (ls, cs) => {
        const pricing = cart(ls.map((l) => line(l.sku, l.price, l.quantity, { category: l.category })));
        const { subtotal, applied } = evaluatePromotions(pricing, cs);
        const total = applied.reduce((n, d) => n + d.amount.amount, 0);
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(subtotal);
        const taken = new Map<string, number>();
        for (const discount of applied) {
          expect(Number.isSafeInteger(discount.amount.amount)).toBe(true);
          expect(discount.amount.amount).toBeGreaterThanOrEqual(0);
          const allocated = discount.lineAmounts.reduce((n, l) => n + l.amount.amount, 0);
          expect(allocated).toBe(discount.amount.amount);
          for (const l of discount.lineAmounts) {
            expect(Number.isSafeInteger(l.amount.amount) && l.amount.amount > 0).toBe(true);
            taken.set(l.sku, (taken.get(l.sku) ?? 0) + l.amount.amount);
          }
        }
        for (const [sku, n] of taken) {
          const skuTotal = pricing.lines
            .filter((l) => l.sku === sku)
            .reduce((a, l) => a + l.unitPrice.amount * l.quantity, 0);
          expect(n).toBeLessThanOrEqual(skuTotal);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic: the same answer whatever the order of the candidates', () => {
    fc.assert(
      fc.property(lines, candidates, (ls, cs) => {
        const pricing = cart(ls.map((l) => line(l.sku, l.price, l.quantity, { category: l.category })));
        expect(evaluatePromotions(pricing, [...cs].reverse())).toEqual(evaluatePromotions(pricing, cs));
      }),
      { numRuns: 300 },
    );
  });

  it('every candidate is either applied or explained', () => {
    fc.assert(
      fc.property(lines, candidates, (ls, cs) => {
        const pricing = cart(ls.map((l) => line(l.sku, l.price, l.quantity, { category: l.category })));
        const { applied, notApplied } = evaluatePromotions(pricing, cs);
        const seen = [...applied.map((d) => d.promotionId), ...notApplied.map((n) => n.promotionId)].sort();
        expect(seen).toEqual(cs.map((c) => c.promotion.promotionId).sort());
      }),
      { numRuns: 300 },
    );
  });
});
