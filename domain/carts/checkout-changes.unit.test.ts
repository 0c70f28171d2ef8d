import { describe, expect, it } from 'vitest';
import { reviewCheckout, type CheckoutChange } from './checkout-changes.ts';
import type { CartTotals } from './events.ts';
import type { OpenCart } from './state.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const NOW = '2026-12-05T10:00:00.000Z';
const totals = (
  t: Partial<Record<'subtotal' | 'shipping' | 'tax' | 'total', number>>,
  discounts: [string, number][] = [],
): CartTotals => ({
  subtotal: eur(t.subtotal ?? 0),
  discounts: discounts.map(([promotionId, amount]) => ({
    promotionId,
    code: null,
    label: promotionId,
    amount: eur(amount),
  })),
  discountTotal: eur(discounts.reduce((a, [, amount]) => a + amount, 0)),
  shipping: eur(t.shipping ?? 0),
  tax: eur(t.tax ?? 0),
  total: eur(t.total ?? 0),
});
const line = (productId: string, quantity: number, price: number, available: number | null) => ({
  productId,
  sku: productId.toUpperCase(),
  quantity,
  unitPrice: eur(price),
  available,
  addedAt: NOW,
});
const cart: OpenCart = {
  status: 'open',
  cartId: 'k1',
  owner: { kind: 'guest', secretHash: 'h' },
  currency: 'EUR',
  lines: { mug: line('mug', 2, 1000, 5), pen: line('pen', 1, 200, null) },
  email: null,
  shippingAddress: null,
  shippingMethodId: 'standard',
  totals: totals({ subtotal: 2200, shipping: 500, tax: 100, total: 2700 }, [['p10', 100]]),
  lastActivityAt: NOW,
  remindersSent: 0,
  orderId: null,
};
const change = (
  c: Partial<CheckoutChange> & Pick<CheckoutChange, 'what' | 'old' | 'new'>,
): CheckoutChange => ({
  line: null,
  sku: null,
  promotionId: null,
  requested: null,
  ...c,
});
const asShown = {
  mug: { status: 'active', unitPrice: 1000, available: 5 },
  pen: { status: 'active', unitPrice: 200, available: null },
} as const;

describe('reviewCheckout: the cart now against what it showed', () => {
  it('lets an unchanged cart through with no change listed', () => {
    expect(reviewCheckout({ cart, products: asShown, priced: cart.totals, confirmedTotal: 2700 })).toEqual({
      changes: [],
      blocking: false,
      total: 2700,
    });
  });

  it('names the coupon code of a discount that went (its limit ran out since the cart showed it)', () => {
    const shown = totals({ subtotal: 2200, shipping: 500, tax: 100, total: 2700 }, [['p10', 100]]);
    const coded: OpenCart = {
      ...cart,
      couponCodes: ['SUMMER10'],
      totals: { ...shown, discounts: [{ ...shown.discounts[0]!, code: 'SUMMER10' }] },
    };
    const priced = totals({ subtotal: 2200, shipping: 500, tax: 100, total: 2800 });
    expect(reviewCheckout({ cart: coded, products: asShown, priced, confirmedTotal: 2700 })).toEqual({
      changes: [
        change({ what: 'discount', promotionId: 'p10', code: 'SUMMER10', old: 100, new: 0 }),
        change({ what: 'total', old: 2700, new: 2800 }),
      ],
      blocking: true,
      total: 2800,
    });
  });

  it('lists a price, shipping, tax and promotion change, and blocks on the total until it is confirmed', () => {
    const products = { ...asShown, mug: { status: 'active', unitPrice: 1100, available: 5 } } as const;
    const priced = totals({ subtotal: 2400, shipping: 0, tax: 120, total: 2420 }, [['p20', 100]]);
    const changes = [
      change({ what: 'price', line: 'mug', sku: 'MUG', old: 1000, new: 1100 }),
      change({ what: 'discount', promotionId: 'p10', old: 100, new: 0 }),
      change({ what: 'discount', promotionId: 'p20', old: 0, new: 100 }),
      change({ what: 'shipping', old: 500, new: 0 }),
      change({ what: 'tax', old: 100, new: 120 }),
    ];
    expect(reviewCheckout({ cart, products, priced, confirmedTotal: 2700 })).toEqual({
      changes: [...changes, change({ what: 'total', old: 2700, new: 2420 })],
      blocking: true,
      total: 2420,
    });
    // Confirmed: the same changes, listed, no longer block.
    expect(reviewCheckout({ cart, products, priced, confirmedTotal: 2420 })).toEqual({
      changes,
      blocking: false,
      total: 2420,
    });
  });

  it('blocks on a line that cannot be bought as it is, whatever total is confirmed', () => {
    const products = {
      mug: { status: 'discontinued', unitPrice: 1000, available: 1 },
      pen: { status: 'gone' },
    } as const;
    const review = reviewCheckout({ cart, products, priced: cart.totals, confirmedTotal: 2700 });
    expect(review.blocking).toBe(true);
    expect(review.changes).toEqual([
      change({ what: 'discontinued', line: 'mug', sku: 'MUG', old: 'active', new: 'discontinued' }),
      change({ what: 'quantity_unavailable', line: 'mug', sku: 'MUG', requested: 2, old: 5, new: 1 }),
      change({ what: 'product_gone', line: 'pen', sku: 'PEN', old: 'active', new: 'gone' }),
    ]);
  });

  it('blocks on a shipping method that no longer ships the cart, with no total to confirm', () => {
    expect(reviewCheckout({ cart, products: asShown, priced: null, confirmedTotal: 2700 })).toEqual({
      changes: [change({ what: 'shipping_method', old: 'standard', new: null })],
      blocking: true,
      total: null,
    });
  });

  it('names an expired hold whose stock is gone; a hold still running, or stock still there, is no change', () => {
    const expiresAt = '2026-12-05T10:10:00.000Z';
    const held: OpenCart = {
      ...cart,
      holds: {
        mug: {
          productId: 'mug',
          sku: 'MUG',
          quantity: 2,
          allocations: [{ location: 'b', quantity: 2 }],
          expiresAt,
        },
      },
    };
    const short = { ...asShown, mug: { status: 'active', unitPrice: 1000, available: 1 } } as const;
    const review = (products: typeof asShown | typeof short, now: string) =>
      reviewCheckout({ cart: held, products, priced: cart.totals, confirmedTotal: 2700, now }).changes;
    expect(review(short, '2026-12-05T10:11:00.000Z')).toEqual([
      change({ what: 'hold_expired', line: 'mug', sku: 'MUG', requested: 2, old: expiresAt, new: null }),
      change({ what: 'quantity_unavailable', line: 'mug', sku: 'MUG', requested: 2, old: 5, new: 1 }),
    ]);
    expect(review(short, '2026-12-05T10:05:00.000Z').map((c) => c.what)).toEqual(['quantity_unavailable']);
    expect(review(asShown, '2026-12-05T10:11:00.000Z')).toEqual([]);
  });
});
