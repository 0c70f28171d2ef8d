import { describe, expect, it } from 'vitest';
import { AlreadyExists, InvalidTransition, NoChange, ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { definition } from '../testing/promotion-fixtures.ts';
import { PromotionNotFound, promotionDecider, type PromotionEvent } from './index.ts';

const given = specFor(promotionDecider);
const summer = definition(
  { kind: 'order_percent', basisPoints: 2000 },
  { codes: { mode: 'shared', code: 'SUMMER20' } },
);
const created: PromotionEvent = {
  type: 'PromotionCreated',
  data: { promotionId: 'p1', version: 1, definition: summer },
};
const activated: PromotionEvent = { type: 'PromotionActivated', data: { promotionId: 'p1', version: 1 } };
const paused: PromotionEvent = { type: 'PromotionPaused', data: { promotionId: 'p1', version: 1 } };

describe('CreatePromotion', () => {
  it('creates a draft at version 1 with its code normalized', () => {
    given([])
      .when({
        type: 'CreatePromotion',
        data: { promotionId: 'p1', definition: { ...summer, codes: { mode: 'shared', code: ' summer20 ' } } },
      })
      .then([created]);
  });

  it('refuses an id already used', () => {
    given([created])
      .when({ type: 'CreatePromotion', data: { promotionId: 'p1', definition: summer } })
      .thenThrows(AlreadyExists, { aggregate: 'promotion', id: 'p1' });
  });

  it.each([
    ['action.basisPoints', definition({ kind: 'order_percent', basisPoints: 10_001 })],
    ['action.amount', definition({ kind: 'order_fixed', amount: 0 })],
    ['rules.currency', definition({ kind: 'order_fixed', amount: 500 }, { rules: { currency: null } })],
    [
      'rules.endsAt',
      definition(
        { kind: 'free_shipping' },
        { rules: { startsAt: '2026-12-05T10:00:00Z', endsAt: '2026-12-05T09:00:00Z' } },
      ),
    ],
    ['action.items', definition({ kind: 'bundle_price', items: [], price: 100 })],
    ['action.tiers', definition({ kind: 'tiered', tiers: [] })],
    [
      'action.get',
      definition({ kind: 'buy_x_get_y', buy: 2, get: 0, basisPoints: 10_000, pick: 'cheapest' }),
    ],
    ['codes.code', definition({ kind: 'free_shipping' }, { codes: { mode: 'shared', code: 'no spaces' } })],
    [
      'limits.total',
      definition(
        { kind: 'free_shipping' },
        { limits: { counts: 'orders', total: 0, perCustomer: null, perCode: null } },
      ),
    ],
    ['name', definition({ kind: 'free_shipping' }, { name: ' ' })],
    [
      'rules.stock',
      definition(
        { kind: 'free_shipping' },
        { rules: { stock: { measure: 'on_hand', above: null, below: null } } },
      ),
    ],
    [
      'rules.stock.below',
      definition(
        { kind: 'free_shipping' },
        { rules: { stock: { measure: 'days_of_cover', above: 90, below: 30 } } },
      ),
    ],
  ])('refuses a definition with a bad %s, naming the field', (field, bad) => {
    given([])
      .when({ type: 'CreatePromotion', data: { promotionId: 'p1', definition: bad } })
      .thenThrows(ValidationFailed, { field });
  });
});

describe('EditPromotion', () => {
  const richer = { ...summer, action: { kind: 'order_percent' as const, basisPoints: 2500 } };

  it('versions an edit of an active promotion, with the definition before and after', () => {
    const state = given([created, activated])
      .when({ type: 'EditPromotion', data: { promotionId: 'p1', definition: richer } })
      .then([
        {
          type: 'PromotionEdited',
          data: { promotionId: 'p1', version: 2, definition: richer, previous: summer },
        },
      ]);
    expect(state).toMatchObject({ status: 'active', version: 2 });
  });

  it('refuses an edit that changes nothing', () => {
    given([created])
      .when({ type: 'EditPromotion', data: { promotionId: 'p1', definition: summer } })
      .thenThrows(NoChange, { field: 'definition' });
  });

  it('refuses to change the shared code (its claim belongs to the promotion as created)', () => {
    given([created])
      .when({
        type: 'EditPromotion',
        data: { promotionId: 'p1', definition: { ...summer, codes: { mode: 'shared', code: 'WINTER' } } },
      })
      .thenThrows(InvalidTransition);
  });

  it('refuses an edit of an unknown promotion', () => {
    given([])
      .when({ type: 'EditPromotion', data: { promotionId: 'p9', definition: summer } })
      .thenThrows(PromotionNotFound, { promotionId: 'p9' });
  });
});

describe('lifecycle', () => {
  it('activates a draft, pauses and resumes it', () => {
    given([created])
      .when({ type: 'ActivatePromotion', data: { promotionId: 'p1' } })
      .then([activated]);
    given([created, activated])
      .when({ type: 'PausePromotion', data: { promotionId: 'p1' } })
      .then([paused]);
    given([created, activated, paused])
      .when({ type: 'ActivatePromotion', data: { promotionId: 'p1' } })
      .then([activated]);
  });

  it('expires an active promotion once: a second expiry is a no-op', () => {
    const expired: PromotionEvent = {
      type: 'PromotionExpired',
      data: { promotionId: 'p1', version: 1, reason: 'window_closed' },
    };
    given([created, activated])
      .when({ type: 'ExpirePromotion', data: { promotionId: 'p1', reason: 'window_closed' } })
      .then([expired]);
    given([created, activated, expired])
      .when({ type: 'ExpirePromotion', data: { promotionId: 'p1', reason: 'units_sold_out' } })
      .thenNothing();
  });

  it('refuses to pause a draft or reactivate an expired promotion', () => {
    given([created])
      .when({ type: 'PausePromotion', data: { promotionId: 'p1' } })
      .thenThrows(InvalidTransition, { from: 'draft', command: 'PausePromotion' });
    given([
      created,
      activated,
      { type: 'PromotionExpired', data: { promotionId: 'p1', version: 1, reason: 'ended_by_staff' } },
    ])
      .when({ type: 'ActivatePromotion', data: { promotionId: 'p1' } })
      .thenThrows(InvalidTransition, { from: 'expired' });
  });

  it('archives for good: nothing is allowed after', () => {
    const archived: PromotionEvent = { type: 'PromotionArchived', data: { promotionId: 'p1', version: 1 } };
    given([created])
      .when({ type: 'ArchivePromotion', data: { promotionId: 'p1' } })
      .then([archived]);
    given([created, archived])
      .when({ type: 'ActivatePromotion', data: { promotionId: 'p1' } })
      .thenThrows(InvalidTransition, { from: 'archived' });
    given([created, archived])
      .when({ type: 'ArchivePromotion', data: { promotionId: 'p1' } })
      .thenThrows(InvalidTransition, { from: 'archived' });
  });
});
