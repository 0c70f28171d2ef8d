import { describe, expect, it } from 'vitest';
import { NoChange, ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import {
  isReplenishmentEvent,
  replenishmentDecider,
  SuggestionNotOpen,
  type RecalculateReorderPoint,
  type ReorderPointRecalculated,
  type ReplenishmentSuggested,
} from './index.ts';

const given = specFor(replenishmentDecider);
const at = { sku: 'tee-m', location: 'berlin' };
const asOf = '2026-11-21T10:00:00.000Z';

const recalc = (over: Partial<RecalculateReorderPoint['data']> = {}): RecalculateReorderPoint => ({
  type: 'RecalculateReorderPoint',
  data: {
    ...at,
    leadTimeDemand: 70,
    safetyStock: 12.4,
    forecastErrorSd: 4.56789,
    leadTimeDays: 7,
    serviceLevel: 0.95,
    reviewPeriodDays: 7,
    method: 'holt-winters',
    demandClass: 'smooth',
    historyDays: 120,
    available: 100,
    asOf,
    ...over,
  },
});

/** 70 over 7 days = 10 a day; 70 + 12.4 → reorder point 83; order up to 83 + 7 × 10 = 153. */
const recalculated: ReorderPointRecalculated = {
  type: 'ReorderPointRecalculated',
  data: {
    ...at,
    reorderPoint: 83,
    orderUpTo: 153,
    safetyStock: 12.4,
    expectedDailyDemand: 10,
    leadTimeDemand: 70,
    leadTimeDays: 7,
    serviceLevel: 0.95,
    forecastErrorSd: 4.568,
    available: 100,
    daysOfCover: 10,
    method: 'holt-winters',
    demandClass: 'smooth',
    historyDays: 120,
    asOf,
    previousReorderPoint: null,
  },
};

const review = (available: number, suggestionId = 's-2') =>
  ({ type: 'ReviewReplenishment', data: { ...at, available, suggestionId, now: asOf } }) as const;

const suggested = (quantity: number, available: number, over: Partial<ReplenishmentSuggested['data']> = {}) =>
  ({
    type: 'ReplenishmentSuggested',
    data: {
      ...at,
      suggestionId: 's-1',
      quantity,
      reason: 'below_reorder_point',
      available,
      reorderPoint: 83,
      orderUpTo: 153,
      daysOfCover: available / 10,
      supersedes: null,
      suggestedAt: asOf,
      ...over,
    },
  }) satisfies ReplenishmentSuggested;

describe('RecalculateReorderPoint', () => {
  it('records the reorder point as lead-time demand plus safety stock, rounded up, with days of cover', () => {
    given([]).when(recalc()).then([recalculated]);
  });

  it('records nothing when the targets barely moved', () => {
    given([recalculated])
      .when(recalc({ leadTimeDemand: 72, safetyStock: 12.9, available: 40 }))
      .thenNothing();
  });

  it('records a material change, naming the previous reorder point', () => {
    const state = given([recalculated])
      .when(recalc({ leadTimeDemand: 91, safetyStock: 14 }))
      .then([
        {
          type: 'ReorderPointRecalculated',
          data: {
            ...recalculated.data,
            reorderPoint: 105,
            orderUpTo: 196,
            leadTimeDemand: 91,
            safetyStock: 14,
            expectedDailyDemand: 13,
            daysOfCover: 7.7,
            previousReorderPoint: 83,
          },
        },
      ]);
    expect(state).toMatchObject({ targets: { reorderPoint: 105 } });
  });

  it('records a change of lead time or service level however small the effect', () => {
    given([recalculated])
      .when(recalc({ serviceLevel: 0.96 }))
      .then([
        {
          type: 'ReorderPointRecalculated',
          data: { ...recalculated.data, serviceLevel: 0.96, previousReorderPoint: 83 },
        },
      ]);
  });

  it('gives no days of cover when no demand is expected', () => {
    const events = replenishmentDecider.decide(recalc({ leadTimeDemand: 0, safetyStock: 0 }), {
      status: 'untracked',
    });
    expect(events[0]?.data).toMatchObject({ reorderPoint: 0, daysOfCover: null });
  });

  it.each([
    ['leadTimeDemand', { leadTimeDemand: -1 }],
    ['safetyStock', { safetyStock: Number.NaN }],
    ['leadTimeDays', { leadTimeDays: 0 }],
    ['leadTimeDays', { leadTimeDays: 2.5 }],
    ['serviceLevel', { serviceLevel: 1 }],
    ['serviceLevel', { serviceLevel: 0.3 }],
    ['method', { method: 'magic' as 'sba' }],
    ['demandClass', { demandClass: 'weird' as 'smooth' }],
    ['available', { available: 1.5 }],
    ['asOf', { asOf: 'yesterday' }],
    ['sku', { sku: 'a@b' }],
  ])('refuses a nonsensical %s', (field, over) => {
    given([]).when(recalc(over)).thenThrows(ValidationFailed, { field });
  });

  it('refuses a command for another stream', () => {
    given([recalculated])
      .when(recalc({ sku: 'other' }))
      .thenThrows(ValidationFailed, { field: 'sku' });
  });
});

describe('ReviewReplenishment', () => {
  it('does nothing before there is a reorder point', () => {
    given([]).when(review(0)).thenNothing();
  });

  it('suggests ordering up to the order-up-to level once availability reaches the reorder point', () => {
    given([recalculated])
      .when(review(83, 's-1'))
      .then([suggested(70, 83)]);
  });

  it('does nothing above the reorder point with no open suggestion', () => {
    given([recalculated]).when(review(84)).thenNothing();
  });

  it('keeps an open suggestion whose quantity still fits', () => {
    given([recalculated, suggested(70, 83)])
      .when(review(80))
      .thenNothing();
  });

  it('supersedes an open suggestion when availability fell materially further', () => {
    given([recalculated, suggested(70, 83)])
      .when(review(40))
      .then([suggested(113, 40, { suggestionId: 's-2', supersedes: 's-1' })]);
  });

  it('withdraws the open suggestion once stock is back above the reorder point', () => {
    const state = given([recalculated, suggested(70, 83)])
      .when(review(150))
      .then([
        {
          type: 'ReplenishmentSuggestionWithdrawn',
          data: { ...at, suggestionId: 's-1', reason: 'stock_above_reorder_point', available: 150 },
        },
      ]);
    expect(state).toMatchObject({ open: null });
  });

  it('suggests nothing after a dismissal until the targets are recalculated', () => {
    const dismissed = {
      type: 'ReplenishmentSuggestionDismissed',
      data: { ...at, suggestionId: 's-1', note: null },
    } as const;
    given([recalculated, suggested(70, 83), dismissed])
      .when(review(10))
      .thenNothing();
    const newTargets = { ...recalculated, data: { ...recalculated.data, reorderPoint: 90, orderUpTo: 160 } };
    given([recalculated, suggested(70, 83), dismissed, newTargets])
      .when(review(10))
      .then([suggested(150, 10, { suggestionId: 's-2', reorderPoint: 90, orderUpTo: 160 })]);
  });
});

describe('SetReplenishmentPolicy', () => {
  const policy = (leadTimeDays: number | null, serviceLevel: number | null) =>
    ({ type: 'SetReplenishmentPolicy', data: { ...at, leadTimeDays, serviceLevel } }) as const;

  it('sets a lead time, keeping the previous policy for the audit trail', () => {
    given([])
      .when(policy(14, null))
      .then([
        {
          type: 'ReplenishmentPolicySet',
          data: {
            ...at,
            leadTimeDays: 14,
            serviceLevel: null,
            previous: { leadTimeDays: null, serviceLevel: null },
          },
        },
      ]);
  });

  it('refuses the same policy again', () => {
    given([]).when(policy(null, null)).thenThrows(NoChange, { field: 'policy' });
  });

  it('refuses nonsense', () => {
    given([]).when(policy(400, null)).thenThrows(ValidationFailed, { field: 'leadTimeDays' });
    given([]).when(policy(null, 1.2)).thenThrows(ValidationFailed, { field: 'serviceLevel' });
  });
});

describe('DismissReplenishmentSuggestion', () => {
  const dismiss = (suggestionId: string) =>
    ({
      type: 'DismissReplenishmentSuggestion',
      data: { ...at, suggestionId, note: 'supplier closed' },
    }) as const;

  it('dismisses the open suggestion', () => {
    given([recalculated, suggested(70, 83)])
      .when(dismiss('s-1'))
      .then([
        {
          type: 'ReplenishmentSuggestionDismissed',
          data: { ...at, suggestionId: 's-1', note: 'supplier closed' },
        },
      ]);
  });

  it('refuses a suggestion that is not open', () => {
    given([recalculated]).when(dismiss('s-1')).thenThrows(SuggestionNotOpen, { suggestionId: 's-1' });
  });
});

it('lists its event types', () => {
  expect(isReplenishmentEvent({ type: 'ReplenishmentSuggested' })).toBe(true);
  expect(isReplenishmentEvent({ type: 'toString' })).toBe(false);
});
