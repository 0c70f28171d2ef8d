import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definition } from '../../domain/testing/promotion-fixtures.ts';
import { pricedTotals } from '../../domain/orders/index.ts';
import { promotionRedemptionStream } from '../../domain/streams.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';

const LIMIT = 3;
const ORDERS = 12;

/**
 * A shared code's usage limit through order placement itself, on real PostgreSQL: many orders
 * entering the code at once, and exactly `LIMIT` of them carry its discount (the others are placed
 * without it); the redemptions are appended with those orders, and a cancelled order gives its use
 * back to the next one.
 */
describe('a coupon code with a usage limit at checkout (PostgreSQL)', () => {
  let h: CommandHarness;

  beforeAll(async () => {
    h = await commandHarness('postgres', { promotions: {} });
    const admin = h.context({ id: 'admin-1', role: 'admin' });
    await h.handlers.createLocation('berlin', 'Berlin', admin);
    await h.handlers.createProduct(
      {
        productId: 'p-mug',
        sku: 'MUG',
        name: 'Mug',
        description: '',
        brand: 'Acme',
        category: 'kitchen',
        attributes: {},
        allowBackorder: false,
        price: { amount: 1000, currency: 'EUR' },
      },
      admin,
    );
    await h.handlers.receiveStock({ sku: 'MUG', location: 'berlin', quantity: 100, reference: null }, admin);
    await h.handlers.createPromotion(
      {
        promotionId: 'summer',
        definition: definition(
          { kind: 'order_percent', basisPoints: 2000 },
          {
            codes: { mode: 'shared', code: 'SUMMER20' },
            limits: { counts: 'orders', total: LIMIT, perCustomer: null, perCode: null },
          },
        ),
      },
      admin,
    );
    await h.handlers.activatePromotion('summer', admin);
  });
  afterAll(() => h.dispose());

  const place = (n: number) =>
    h.handlers.placeOrder(
      {
        orderId: `o-${n}`,
        customerId: `c-${n}`,
        currency: 'EUR',
        lines: [{ productId: 'p-mug', quantity: 1 }],
        shippingAddress: berlinAddress,
        couponCodes: ['summer20'],
      },
      h.context({ id: `c-${n}`, role: 'customer' }),
    );
  const redemptions = async () =>
    (await h.store.readStream(promotionRedemptionStream('summer'))).map((event) => event.type);

  it('discounts exactly the limit of orders placed at once, and a cancellation frees a use', async () => {
    const placed = await Promise.all(Array.from({ length: ORDERS }, (_, n) => place(n)));
    const discounted = placed.filter((p) => pricedTotals(p.order.totals).discounts.length > 0);
    expect(discounted).toHaveLength(LIMIT);
    for (const p of discounted) {
      expect(pricedTotals(p.order.totals).discountTotal.amount).toBe(200);
      expect(p.order.totals.total.amount).toBe(800);
    }
    expect(await redemptions()).toEqual(Array.from({ length: LIMIT }, () => 'PromotionRedeemed'));

    const cancelled = discounted[0]!.order.orderId;
    await h.handlers.cancelOrder(
      { orderId: cancelled, reason: 'requested', note: null },
      h.context({ id: 'admin-1', role: 'admin' }),
    );
    expect((await redemptions()).at(-1)).toBe('RedemptionReleased');
    const next = await place(ORDERS);
    expect(pricedTotals(next.order.totals).discounts.map((d) => d.code)).toEqual(['SUMMER20']);
  });
});
