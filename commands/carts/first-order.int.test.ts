import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShippingZone } from '../../domain/shipping/index.ts';
import { definition } from '../../domain/testing/promotion-fixtures.ts';
import { createLogger } from '../../infra/logging/logger.ts';
import { readModelCustomerHistory } from '../../ops/compose/customer-history.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { customerInGroups } from '../../test-support/customer-accounts.ts';
import { readApiHarness, type ReadApiHarness } from '../../test-support/read-api-harness.ts';
import type { CustomerHistory } from '../pricing/customer-history.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const germany: ShippingZone = {
  zoneId: 'de',
  name: 'Germany',
  countries: ['DE'],
  regions: [],
  postalPrefixes: [],
  methods: [
    {
      methodId: 'de-flat',
      name: 'Flat',
      currency: 'EUR',
      rate: { kind: 'flat', amount: 500 },
      freeOver: null,
      minDays: 1,
      maxDays: 3,
    },
  ],
};

/**
 * `customer.firstOrder` is a fact: the customer's orders in the orders read model (real projectors
 * on real PostgreSQL), so a first-order-only promotion goes to the first order and not the second.
 */
describe('first-order promotions on carts, on postgres', () => {
  let h: ReadApiHarness;
  let history: CustomerHistory | undefined;
  const customer = (id: string) => ({
    access: { customerId: id, secret: null },
    as: () => h.context({ id, role: 'customer' }),
  });

  beforeAll(async () => {
    // Both read the harness's own database, which exists only once the harness does.
    h = await readApiHarness('postgres', 'memory', {
      promotions: { automaticPromotionIds: async () => ['welcome', 'vip'] },
      customerHistory: { hasOrdered: (customerId) => history!.hasOrdered(customerId) },
    });
    history = readModelCustomerHistory(h.sql, createLogger('silent'));
    const admin = h.context();
    await h.handlers.createLocation('berlin', 'Berlin', admin);
    await h.handlers.setShippingZone(germany, admin);
    await h.handlers.createProduct(
      {
        productId: 'kettle',
        sku: 'KETTLE',
        name: 'Kettle',
        description: '',
        brand: 'Acme',
        category: 'kitchen',
        attributes: {},
        allowBackorder: false,
        price: eur(4000),
      },
      admin,
    );
    await h.handlers.receiveStock(
      { sku: 'KETTLE', location: 'berlin', quantity: 20, reference: null },
      admin,
    );
    await h.handlers.createPromotion(
      {
        promotionId: 'welcome',
        definition: definition(
          { kind: 'order_percent', basisPoints: 1500 },
          { rules: { firstOrderOnly: true } },
        ),
      },
      admin,
    );
    await h.handlers.activatePromotion('welcome', admin);
    await h.handlers.createPromotion(
      {
        promotionId: 'vip',
        definition: definition({ kind: 'order_fixed', amount: 200 }, { rules: { customerGroups: ['vip'] } }),
      },
      admin,
    );
    await h.handlers.activatePromotion('vip', admin);
  });
  afterAll(() => h?.close());

  async function cart(cartId: string, who: ReturnType<typeof customer>) {
    await h.handlers.createCart({ cartId, customerId: who.access.customerId, currency: 'EUR' }, who.as());
    await h.handlers.addLine(cartId, who.access, { productId: 'kettle', quantity: 1 }, who.as());
    await h.handlers.setShippingAddress(cartId, who.access, berlinAddress, who.as());
    await h.handlers.chooseShippingMethod(cartId, who.access, 'de-flat', who.as());
    return (await h.handlers.cartFor(cartId, who.access)).totals!;
  }

  it('gives the first-order discount to the first order only', async () => {
    const fay = customer('fay');
    expect(await cart('fay-1', fay)).toMatchObject({ discountTotal: eur(600), total: eur(3900) });
    // A second cart opened before the first order, showing the discount too.
    expect(await cart('fay-2', fay)).toMatchObject({ discountTotal: eur(600) });

    const first = await h.handlers.checkOutCart('fay-1', fay.access, {}, fay.as());
    expect(first.order.totals).toMatchObject({
      discountTotal: eur(600),
      discounts: [{ promotionId: 'welcome', amount: eur(600) }],
      total: eur(3900),
    });
    await h.settle(first.position);

    // The second order is no first order: the cart that showed the discount is refused with it
    // listed, then placed at full price once the shopper confirms.
    await expect(h.handlers.checkOutCart('fay-2', fay.access, {}, fay.as())).rejects.toMatchObject({
      code: 'cart_changed',
      details: {
        changes: [
          { what: 'discount', promotionId: 'welcome', old: 600, new: 0 },
          { what: 'total', old: 3900, new: 4500 },
        ],
        expectedTotal: 4500,
      },
    });
    const second = await h.handlers.checkOutCart('fay-2', fay.access, { expectedTotal: 4500 }, fay.as());
    expect(second.order.totals).toMatchObject({ discountTotal: eur(0), discounts: [], total: eur(4500) });
    // A cart opened now shows no first-order discount.
    expect(await cart('fay-3', fay)).toMatchObject({ discountTotal: eur(0), total: eur(4500) });
  });

  it('counts a customer whose only order was cancelled as a first-time buyer still', async () => {
    const gus = customer('gus');
    await cart('gus-1', gus);
    const placed = await h.handlers.checkOutCart('gus-1', gus.access, {}, gus.as());
    const cancelled = await h.handlers.cancelOrder(
      { orderId: placed.order.orderId, reason: 'requested', note: null },
      h.context(),
    );
    await h.settle(cancelled.position);
    expect(await cart('gus-2', gus)).toMatchObject({ discountTotal: eur(600) });
  });

  it('prices POST /orders and a quote with the facts a cart has: customer groups and first order', async () => {
    await customerInGroups(h, 'hal', ['vip']);
    const hal = customer('hal');
    const input = {
      currency: 'EUR',
      lines: [{ productId: 'kettle', quantity: 1 }],
      shippingAddress: berlinAddress,
      shippingMethodId: 'de-flat',
    };
    const shown = await cart('hal-1', hal);
    expect(shown).toMatchObject({ discountTotal: eur(800), total: eur(3700) });
    const quote = await h.handlers.quotePrice(
      { ...input, couponCodes: [], customerId: 'hal', channel: null },
      h.clock.now().toISOString(),
    );
    expect(quote.discounts.map((d) => d.promotionId).sort()).toEqual(['vip', 'welcome']);
    expect(quote).toMatchObject({ discountTotal: shown.discountTotal, total: shown.total });

    // `POST /orders` names no facts: the placement reads them for the customer the order is for.
    const first = await h.handlers.placeOrder(
      { ...input, orderId: 'hal-o1', customerId: 'hal' },
      h.context(),
    );
    expect(first.order.totals).toMatchObject({ discountTotal: eur(800), total: eur(3700) });
    await h.settle(first.position);
    const second = await h.handlers.placeOrder(
      { ...input, orderId: 'hal-o2', customerId: 'hal' },
      h.context(),
    );
    expect(second.order.totals).toMatchObject({ discounts: [{ promotionId: 'vip' }] });
    // A customer outside the group, on their first order: the first-order discount only.
    const ida = await h.handlers.placeOrder({ ...input, orderId: 'ida-o1', customerId: 'ida' }, h.context());
    expect(ida.order.totals).toMatchObject({ discounts: [{ promotionId: 'welcome' }] });
  });
});
