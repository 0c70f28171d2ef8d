import { describe, expect, it } from 'vitest';
import { replay } from '../decider.ts';
import { UsageLimitReached } from '../promotions/index.ts';
import { specFor } from '../testing/decider-spec.ts';
import { redemptionDecider, type RedeemPromotion, type RedemptionEvent } from './index.ts';

const given = specFor(redemptionDecider);
const redeem = (orderId: string, limit: number | null, units = 1): RedeemPromotion => ({
  type: 'RedeemPromotion',
  data: {
    scope: 'code',
    key: 'couponuse-SUMMER20',
    promotionId: 'p1',
    promotionVersion: 2,
    orderId,
    customerId: 'c1',
    code: 'SUMMER20',
    units,
    amount: 500,
    currency: 'EUR',
    limit,
  },
});
const redeemed = (orderId: string, units = 1): RedemptionEvent => {
  const { limit: _limit, ...data } = redeem(orderId, null, units).data;
  return { type: 'PromotionRedeemed', data: { ...data, units } };
};
const released = (orderId: string, units = 1): RedemptionEvent => ({
  type: 'RedemptionReleased',
  data: {
    scope: 'code',
    key: 'couponuse-SUMMER20',
    promotionId: 'p1',
    orderId,
    units,
    amount: 500,
    reason: 'cancelled',
  },
});
const release = (orderId: string) =>
  ({
    type: 'ReleaseRedemption',
    data: { scope: 'code', key: 'couponuse-SUMMER20', orderId, reason: 'cancelled' },
  }) as const;

describe('RedeemPromotion', () => {
  it('redeems while uses are left, up to the limit exactly', () => {
    given([redeemed('o1')])
      .when(redeem('o2', 2))
      .then([redeemed('o2')]);
  });

  it('refuses past the limit, naming it and what is used', () => {
    given([redeemed('o1'), redeemed('o2')])
      .when(redeem('o3', 2))
      .thenThrows(UsageLimitReached, {
        limit: 'per_code',
        key: 'couponuse-SUMMER20',
        allowed: 2,
        used: 2,
        requested: 1,
      });
  });

  it('counts units for a flash sale: 3 units do not fit in 2 left', () => {
    given([redeemed('o1', 8)])
      .when(redeem('o2', 10, 3))
      .thenThrows(UsageLimitReached, { used: 8, requested: 3 });
  });

  it('records without a limit', () => {
    given([redeemed('o1'), redeemed('o2')])
      .when(redeem('o3', null))
      .then([redeemed('o3')]);
  });

  it('the same order redeeming again is a retry: nothing new', () => {
    given([redeemed('o1')])
      .when(redeem('o1', 1))
      .thenNothing();
  });
});

describe('ReleaseRedemption', () => {
  it('gives the units back, so the next order may redeem', () => {
    given([redeemed('o1')])
      .when(release('o1'))
      .then([released('o1')]);
    given([redeemed('o1'), released('o1')])
      .when(redeem('o2', 1))
      .then([redeemed('o2')]);
  });

  it('gives back once: a second release, or one for an order that never redeemed, does nothing', () => {
    given([redeemed('o1'), released('o1')])
      .when(release('o1'))
      .thenNothing();
    given([redeemed('o1')])
      .when(release('o9'))
      .thenNothing();
  });

  it('folds a replayed release once', () => {
    const state = replay(redemptionDecider, [redeemed('o1', 4), released('o1', 4), released('o1', 4)]);
    expect(state.used).toBe(0);
  });
});
