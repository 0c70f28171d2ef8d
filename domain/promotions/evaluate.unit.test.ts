import { describe, expect, it } from 'vitest';
import { active, cart, definition, line } from '../testing/promotion-fixtures.ts';
import type { PricingRequest } from '../pricing/price-breakdown.ts';
import {
  evaluatePromotions,
  type Candidate,
  type PromotionAction,
  type PromotionDefinition,
} from './index.ts';

const auto = (id: string, def: PromotionDefinition): Candidate => ({
  promotion: active(id, def),
  code: null,
});
const amounts = (request: PricingRequest, candidates: Candidate[]) =>
  evaluatePromotions(request, candidates).applied.map((d) => [d.promotionId, d.amount.amount]);
const perSku = (request: PricingRequest, candidates: Candidate[]) =>
  evaluatePromotions(request, candidates).applied.map((d) =>
    Object.fromEntries(d.lineAmounts.map((l) => [l.sku, l.amount.amount])),
  );
const reasons = (request: PricingRequest, candidates: Candidate[]) =>
  evaluatePromotions(request, candidates).notApplied.map((n) => [n.promotionId, n.reason, n.detail]);

const mugs = cart([line('MUG', 1000, 2), line('PLATE', 500, 4, { category: 'plates', brand: 'other' })]); // 4000

describe('actions', () => {
  const cases: [string, PromotionAction, PricingRequest, number, Record<string, number>][] = [
    [
      'percent off the order',
      { kind: 'order_percent', basisPoints: 1000 },
      mugs,
      400,
      { MUG: 200, PLATE: 200 },
    ],
    ['fixed off the order', { kind: 'order_fixed', amount: 1000 }, mugs, 1000, { MUG: 500, PLATE: 500 }],
    [
      'fixed off the order, never more than it',
      { kind: 'order_fixed', amount: 9999 },
      mugs,
      4000,
      { MUG: 2000, PLATE: 2000 },
    ],
    [
      'percent off every item',
      { kind: 'items_percent', basisPoints: 2500 },
      mugs,
      1000,
      { MUG: 500, PLATE: 500 },
    ],
    ['fixed off each unit', { kind: 'items_fixed', amountPerUnit: 100 }, mugs, 600, { MUG: 200, PLATE: 400 }],
    [
      'fixed off each unit, capped at the line',
      { kind: 'items_fixed', amountPerUnit: 800 },
      mugs,
      3600,
      { MUG: 1600, PLATE: 2000 },
    ],
    [
      'buy 2 get 1 free, the cheapest free',
      { kind: 'buy_x_get_y', buy: 2, get: 1, basisPoints: 10_000, pick: 'cheapest' },
      mugs, // 6 units: 2 free, both plates
      1000,
      { PLATE: 1000 },
    ],
    [
      'buy 2 get 1 half price, the most expensive discounted',
      { kind: 'buy_x_get_y', buy: 2, get: 1, basisPoints: 5000, pick: 'most_expensive' },
      mugs, // 2 discounted units: both mugs at 50 %
      1000,
      { MUG: 1000 },
    ],
    [
      'a bundle of a mug and 2 plates for 1500',
      {
        kind: 'bundle_price',
        items: [
          { productId: 'p-MUG', quantity: 1 },
          { productId: 'p-PLATE', quantity: 2 },
        ],
        price: 1500,
      },
      mugs, // 2 sets worth 2000 each → 2 × 500 off, split 1000:1000 by value
      1000,
      { MUG: 500, PLATE: 500 },
    ],
    [
      'any 3 for 2000, dearest units first',
      { kind: 'mix_and_match', quantity: 3, price: 2000 },
      mugs, // 6 units → 2 groups: [1000, 1000, 500] + [500, 500, 500] = 4000 → for 4000: nothing... see below
      0,
      {},
    ],
    [
      'tiered: 10 % over 2000, 15 % over 3000',
      {
        kind: 'tiered',
        tiers: [
          { minSubtotal: 2000, basisPoints: 1000 },
          { minSubtotal: 3000, basisPoints: 1500 },
        ],
      },
      mugs,
      600,
      { MUG: 300, PLATE: 300 },
    ],
  ];
  it.each(cases.filter(([, , , total]) => total > 0))('%s', (_name, action, request, total, lines) => {
    expect(amounts(request, [auto('a', definition(action))])).toEqual([['a', total]]);
    expect(perSku(request, [auto('a', definition(action))])).toEqual([lines]);
  });

  it('mix-and-match takes the dearest units first: 3 for 1500 on 1000, 1000, 500 saves 1000', () => {
    const request = cart([line('MUG', 1000, 2), line('PLATE', 500, 1)]);
    const result = evaluatePromotions(request, [
      auto('m', definition({ kind: 'mix_and_match', quantity: 3, price: 1500 })),
    ]);
    expect(result.applied.map((d) => d.amount.amount)).toEqual([1000]);
  });

  it('mix-and-match that saves nothing does not apply, and says why', () => {
    expect(
      reasons(mugs, [auto('m', definition({ kind: 'mix_and_match', quantity: 3, price: 2000 }))]),
    ).toEqual([['m', 'condition_unmet', 'the set already costs less']]);
  });

  it('free shipping applies with no amount and marks the shipping free', () => {
    const [applied] = evaluatePromotions(mugs, [auto('f', definition({ kind: 'free_shipping' }))]).applied;
    expect(applied).toMatchObject({
      amount: { amount: 0, currency: 'EUR' },
      freeShipping: true,
      lineAmounts: [],
    });
  });

  it('buy X get Y needs the full group', () => {
    const request = cart([line('MUG', 1000, 2)]);
    expect(
      reasons(request, [
        auto('b', definition({ kind: 'buy_x_get_y', buy: 2, get: 1, basisPoints: 10_000, pick: 'cheapest' })),
      ]),
    ).toEqual([['b', 'condition_unmet', 'needs 3 qualifying units']]);
  });

  it('records the version and the code, and labels the discount', () => {
    const [applied] = evaluatePromotions(mugs, [
      {
        promotion: active(
          's',
          definition(
            { kind: 'order_percent', basisPoints: 2000 },
            { codes: { mode: 'shared', code: 'SUMMER20' } },
          ),
          3,
        ),
        code: 'SUMMER20',
      },
    ]).applied;
    expect(applied).toMatchObject({
      promotionId: 's',
      promotionVersion: 3,
      code: 'SUMMER20',
      label: 'SUMMER20: 20% off the order',
    });
  });
});

describe('rules', () => {
  const tenOff = (rules: Partial<PromotionDefinition['rules']>, extra: Partial<PromotionDefinition> = {}) =>
    auto('r', definition({ kind: 'items_percent', basisPoints: 1000 }, { ...extra, rules }));
  const unmet = (detail: string) => [['r', 'condition_unmet', detail]];

  it('minimum subtotal', () => {
    expect(amounts(mugs, [tenOff({ minSubtotal: 4000 })])).toEqual([['r', 400]]);
    expect(reasons(mugs, [tenOff({ minSubtotal: 4001 })])).toEqual(unmet('the subtotal must reach 4001'));
  });

  it('minimum quantity of matching units', () => {
    expect(amounts(mugs, [tenOff({ minQuantity: 2, categories: ['mugs'] })])).toEqual([['r', 200]]);
    expect(reasons(mugs, [tenOff({ minQuantity: 3, categories: ['mugs'] })])).toEqual(
      unmet('needs 3 qualifying units'),
    );
  });

  it('products, categories and brands pick the discounted lines', () => {
    expect(perSku(mugs, [tenOff({ productIds: ['p-MUG'] })])).toEqual([{ MUG: 200 }]);
    expect(perSku(mugs, [tenOff({ categories: ['plates'] })])).toEqual([{ PLATE: 200 }]);
    expect(perSku(mugs, [tenOff({ brands: ['acme'] })])).toEqual([{ MUG: 200 }]);
    expect(reasons(mugs, [tenOff({ brands: ['nobody'] })])).toEqual(unmet('no item in the cart qualifies'));
  });

  it('customer groups', () => {
    const wholesale = cart(mugs.lines, {
      customer: { customerId: 'c1', groups: ['wholesale'], firstOrder: false },
    });
    expect(amounts(wholesale, [tenOff({ customerGroups: ['wholesale'] })])).toEqual([['r', 400]]);
    expect(reasons(mugs, [tenOff({ customerGroups: ['wholesale'] })])).toEqual(unmet('only for wholesale'));
    expect(
      reasons(cart(mugs.lines, { customer: null }), [tenOff({ customerGroups: ['wholesale'] })]),
    ).toEqual(unmet('only for wholesale'));
  });

  it('first order only', () => {
    const first = cart(mugs.lines, { customer: { customerId: 'c1', groups: [], firstOrder: true } });
    expect(amounts(first, [tenOff({ firstOrderOnly: true })])).toEqual([['r', 400]]);
    expect(reasons(mugs, [tenOff({ firstOrderOnly: true })])).toEqual(unmet('only on a first order'));
  });

  it('a date window, start inclusive and end exclusive', () => {
    const window = { startsAt: '2026-12-05T10:00:00Z', endsAt: '2026-12-06T10:00:00Z' };
    expect(amounts(mugs, [tenOff(window)])).toEqual([['r', 400]]);
    expect(reasons(cart(mugs.lines, { at: '2026-12-05T09:59:59Z' }), [tenOff(window)])).toEqual([
      ['r', 'outside_window', 'it starts at 2026-12-05T10:00:00Z'],
    ]);
    expect(reasons(cart(mugs.lines, { at: '2026-12-06T10:00:00Z' }), [tenOff(window)])).toEqual([
      ['r', 'outside_window', 'it ended at 2026-12-06T10:00:00Z'],
    ]);
  });

  it('a channel and a currency', () => {
    expect(reasons(mugs, [tenOff({ channels: ['pos'] })])).toEqual(unmet('only on pos'));
    expect(reasons(mugs, [tenOff({ currency: 'USD' })])).toEqual(unmet('only for USD'));
  });

  it('a promotion that is not active, or needs a code none was entered for, does not apply', () => {
    const def = definition(
      { kind: 'order_percent', basisPoints: 1000 },
      { codes: { mode: 'shared', code: 'X10' } },
    );
    expect(evaluatePromotions(mugs, [{ promotion: active('c', def), code: null }]).notApplied).toMatchObject([
      { reason: 'code_required' },
    ]);
    const paused = {
      ...active('p', definition({ kind: 'order_percent', basisPoints: 1000 })),
      status: 'paused' as const,
    };
    expect(evaluatePromotions(mugs, [{ promotion: paused, code: null }]).notApplied).toMatchObject([
      { reason: 'not_active', detail: 'it is paused' },
    ]);
  });

  it('a promotion known to be used up says so', () => {
    const result = evaluatePromotions(mugs, [tenOff({})], new Set(['r']));
    expect(result.notApplied).toMatchObject([{ promotionId: 'r', reason: 'limit_reached' }]);
  });
});

describe('stacking', () => {
  const pct = (id: string, bp: number, extra: Partial<PromotionDefinition> = {}) =>
    auto(id, definition({ kind: 'order_percent', basisPoints: bp }, extra));
  const fixed = (id: string, amount: number, extra: Partial<PromotionDefinition> = {}) =>
    auto(id, definition({ kind: 'order_fixed', amount }, extra));
  const items = (id: string, bp: number, extra: Partial<PromotionDefinition> = {}) =>
    auto(id, definition({ kind: 'items_percent', basisPoints: bp }, extra));

  it('combinable promotions all apply: item level first, then percent before fixed at order level', () => {
    // 4000 → items 10 % (400) → 3600 → order 10 % (360) → 3240 → 500 off → 2740.
    expect(amounts(mugs, [fixed('c', 500), pct('b', 1000), items('a', 1000)])).toEqual([
      ['a', 400],
      ['b', 360],
      ['c', 500],
    ]);
  });

  it('an exclusive promotion of the highest priority applies alone', () => {
    const candidates = [pct('a', 1000), pct('x', 500, { stacking: 'exclusive', priority: 10 })];
    expect(amounts(mugs, candidates)).toEqual([['x', 200]]);
    expect(reasons(mugs, candidates)).toEqual([['a', 'not_combinable', 'not combinable with Promo']]);
  });

  it('an exclusive promotion below a combinable one is not combinable with it', () => {
    const candidates = [
      pct('a', 1000, { priority: 5, name: 'Ten' }),
      pct('x', 500, { stacking: 'exclusive' }),
    ];
    expect(amounts(mugs, candidates)).toEqual([['a', 400]]);
    expect(reasons(mugs, candidates)).toEqual([['x', 'not_combinable', 'not combinable with Ten']]);
  });

  it('an exclusive promotion that would give nothing does not block the others', () => {
    const candidates = [
      pct('a', 1000),
      fixed('x', 500, {
        stacking: 'exclusive',
        priority: 9,
        rules: { ...definition({ kind: 'free_shipping' }).rules, minSubtotal: 9999 },
      }),
    ];
    expect(amounts(mugs, candidates)).toEqual([['a', 400]]);
  });

  it('a discount after another that took everything says nothing was left', () => {
    expect(reasons(mugs, [items('a', 10_000), fixed('b', 100)])).toEqual([
      ['b', 'nothing_left', 'the discounts before it left nothing to take off'],
    ]);
  });

  it('ties of priority go to the smaller id, whatever the input order', () => {
    const candidates = [pct('b', 500, { stacking: 'exclusive' }), pct('a', 1000, { stacking: 'exclusive' })];
    expect(amounts(mugs, candidates)).toEqual([['a', 400]]);
    expect(amounts(mugs, [...candidates].reverse())).toEqual([['a', 400]]);
  });
});

describe('allocation rounding', () => {
  it('splits an order discount over lines without losing a minor unit', () => {
    const request = cart([line('A', 333), line('B', 333), line('C', 334)]);
    const [applied] = evaluatePromotions(request, [
      auto('o', definition({ kind: 'order_fixed', amount: 100 })),
    ]).applied;
    expect(applied!.lineAmounts.map((l) => l.amount.amount)).toEqual([33, 33, 34]);
  });
});

describe('stock rules (clearance while stock is high)', () => {
  const clearance = definition(
    { kind: 'items_percent', basisPoints: 3000 },
    { rules: { stock: { measure: 'days_of_cover', above: 90, below: null } } },
  );
  const facts = (mug: number | null, plate: number | null) =>
    new Map([
      ['MUG', { sku: 'MUG', onHand: 500, daysOfCover: mug }],
      ['PLATE', { sku: 'PLATE', onHand: 20, daysOfCover: plate }],
    ]);
  const evaluate = (stock: ReturnType<typeof facts>, def = clearance) =>
    evaluatePromotions(mugs, [auto('clear', def)], new Set(), stock);

  it('discounts only the lines whose SKU is above the level, and cites the stock it decided on', () => {
    const [applied] = evaluate(facts(120, 30)).applied;
    expect(applied).toMatchObject({
      amount: { amount: 600 },
      lineAmounts: [{ sku: 'MUG', amount: { amount: 600 } }],
      evidence: [{ sku: 'MUG', onHand: 500, daysOfCover: 120 }],
    });
  });

  it('is unmet, saying why, when no matching SKU is at the level or no demand is recorded', () => {
    expect(evaluate(facts(90, 30)).notApplied).toEqual([
      {
        promotionId: 'clear',
        code: null,
        reason: 'condition_unmet',
        detail: 'only while stock is above 90 days of cover',
      },
    ]);
    expect(evaluate(facts(null, null)).applied).toEqual([]);
    expect(evaluatePromotions(mugs, [auto('clear', clearance)]).applied).toEqual([]); // no facts at all
  });

  it('reads units on hand with a range, and a promotion without a stock rule cites nothing', () => {
    const lowStock = definition(
      { kind: 'items_percent', basisPoints: 1000 },
      { rules: { stock: { measure: 'on_hand', above: 10, below: 100 } } },
    );
    const [applied] = evaluate(facts(1, 1), lowStock).applied;
    expect(applied!.lineAmounts.map((l) => l.sku)).toEqual(['PLATE']);
    expect(applied!.evidence).toEqual([{ sku: 'PLATE', onHand: 20, daysOfCover: 1 }]);
    const [plain] = evaluate(facts(1, 1), definition({ kind: 'items_percent', basisPoints: 1000 })).applied;
    expect(plain).not.toHaveProperty('evidence');
  });
});
