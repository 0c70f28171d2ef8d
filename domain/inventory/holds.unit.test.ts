import { describe, expect, it } from 'vitest';
import { CannotExpire } from '../orders/errors.ts';
import { HoldLimitExceeded, InsufficientStock } from './errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { available, cartHoldOf, stockDecider, type HoldReleaseReason, type InventoryEvent } from './index.ts';

const given = specFor(stockDecider);
const at = { sku: 'MUG', location: 'berlin' } as const;
const expiresAt = '2025-01-01T00:10:00.000Z';
const before = '2025-01-01T00:05:00.000Z';
const after = '2025-01-01T00:11:00.000Z';

const received = (quantity: number): InventoryEvent => ({
  type: 'StockReceived',
  data: { ...at, quantity, reference: null },
});
const held = (cartId: string, quantity: number, holder = cartId, until = expiresAt): InventoryEvent => ({
  type: 'StockHeld',
  data: { ...at, cartId, holder, quantity, expiresAt: until },
});
const released = (
  cartId: string,
  quantity: number,
  reason: HoldReleaseReason,
  holder = cartId,
): InventoryEvent => ({ type: 'StockHoldReleased', data: { ...at, cartId, holder, quantity, reason } });
const reserved = (
  orderId: string,
  quantity: number,
  convertedHold?: { cartId: string; holder: string; quantity: number },
): InventoryEvent => ({
  type: 'StockReserved',
  data: { ...at, orderId, quantity, expiresAt, ...(convertedHold ? { convertedHold } : {}) },
});
const hold = (
  cartId: string,
  quantity: number,
  options: { holder?: string; now?: string; until?: string } = {},
) =>
  ({
    type: 'HoldStock',
    data: {
      ...at,
      cartId,
      holder: options.holder ?? cartId,
      quantity,
      expiresAt: options.until ?? expiresAt,
      maxPerCart: 5,
      maxPerHolder: 8,
      now: options.now ?? before,
    },
  }) as const;
const release = (cartId: string, reason: HoldReleaseReason, now = before) =>
  ({ type: 'ReleaseHold', data: { ...at, cartId, reason, now } }) as const;
const reserve = (orderId: string, quantity: number, fromHold?: string) =>
  ({
    type: 'ReserveStock',
    data: { ...at, orderId, quantity, expiresAt, allowBackorder: false, ...(fromHold ? { fromHold } : {}) },
  }) as const;

describe('HoldStock', () => {
  it('holds available units: they are no longer available to anyone else', () => {
    const state = given([received(5)])
      .when(hold('c1', 3))
      .then([held('c1', 3)]);
    expect(available(state)).toBe(2);
    given([received(5), held('c1', 3)])
      .when(reserve('o1', 3))
      .thenThrows(InsufficientStock, { requested: 3, available: 2 });
  });

  it('refuses more than on hand less reserved and held', () => {
    given([received(5), reserved('o1', 2), held('c1', 2)])
      .when(hold('c2', 2))
      .thenThrows(InsufficientStock, { requested: 2, available: 1 });
  });

  it('caps one cart at maxPerCart units of the SKU', () => {
    given([received(50)])
      .when(hold('c1', 6))
      .thenThrows(HoldLimitExceeded, { limit: 'cart', max: 5, requested: 6 });
  });

  it('caps one customer at maxPerHolder units over all their carts', () => {
    given([received(50), held('c1', 5, 'ada')])
      .when(hold('c2', 4, { holder: 'ada' }))
      .thenThrows(HoldLimitExceeded, { limit: 'customer', max: 8, held: 5, requested: 4 });
    given([received(50), held('c1', 5, 'ada'), released('c1', 5, 'expired', 'ada')])
      .when(hold('c2', 4, { holder: 'ada' }))
      .then([held('c2', 4, 'ada')]);
  });

  it('keeps a live hold of the same quantity as it is (no later expiry)', () => {
    given([received(5), held('c1', 3)])
      .when(hold('c1', 3, { until: '2025-01-01T00:20:00.000Z' }))
      .thenNothing();
  });

  it('replaces a hold that ran out, or whose quantity changed', () => {
    const later = '2025-01-01T00:21:00.000Z';
    given([received(5), held('c1', 3)])
      .when(hold('c1', 3, { now: after, until: later }))
      .then([released('c1', 3, 'expired'), held('c1', 3, 'c1', later)]);
    given([received(5), held('c1', 3)])
      .when(hold('c1', 5))
      .then([released('c1', 3, 'line_changed'), held('c1', 5)]);
  });
});

describe('ReleaseHold', () => {
  it('releases the whole hold, for a line change or an abandoned cart at any time', () => {
    for (const reason of ['line_changed', 'abandoned'] as const) {
      const state = given([received(5), held('c1', 3)])
        .when(release('c1', reason))
        .then([released('c1', 3, reason)]);
      expect(available(state)).toBe(5);
      expect(cartHoldOf(state, 'c1')).toBeUndefined();
    }
  });

  it('expires a hold only once it is due', () => {
    given([received(5), held('c1', 3)])
      .when(release('c1', 'expired', before))
      .thenThrows(CannotExpire, { why: 'not_yet_due' });
    given([received(5), held('c1', 3)])
      .when(release('c1', 'expired', expiresAt))
      .then([released('c1', 3, 'expired')]);
  });

  it('has nothing to do for a hold already gone', () => {
    given([received(5), held('c1', 3), released('c1', 3, 'converted')])
      .when(release('c1', 'expired', after))
      .thenNothing();
    given([received(5)])
      .when(release('c1', 'line_changed'))
      .thenNothing();
  });
});

describe('ReserveStock from a hold', () => {
  it('turns the cart hold into the order reservation in one decision, even when nothing else is free', () => {
    const state = given([received(3), held('c1', 3)])
      .when(reserve('c1', 3, 'c1'))
      .then([reserved('c1', 3, { cartId: 'c1', holder: 'c1', quantity: 3 })]);
    expect(state).toMatchObject({ onHand: 3, reserved: 3, held: 0 });
  });

  it('reserves more than was held from what is free, or refuses and keeps the hold', () => {
    given([received(5), held('c1', 2)])
      .when(reserve('c1', 4, 'c1'))
      .then([reserved('c1', 4, { cartId: 'c1', holder: 'c1', quantity: 2 })]);
    given([received(3), held('c1', 2)])
      .when(reserve('c1', 4, 'c1'))
      .thenThrows(InsufficientStock, { requested: 4, available: 3 });
  });

  it('reserves as before when the hold is gone (expired and released)', () => {
    given([received(3), held('c1', 2), released('c1', 2, 'expired')])
      .when(reserve('c1', 2, 'c1'))
      .then([reserved('c1', 2)]);
  });
});
