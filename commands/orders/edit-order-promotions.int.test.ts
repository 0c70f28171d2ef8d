import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pricedTotals, type OrderEdited, type OrderTotals } from '../../domain/orders/index.ts';
import { definition } from '../../domain/testing/promotion-fixtures.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { customerInGroups, setCustomerGroups } from '../../test-support/customer-accounts.ts';
import { activePromotion } from '../../test-support/promotion-setup.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/**
 * Staff order edits re-run the promotions the order redeemed at placement, for the same customer:
 * a customer-group promotion and a first-order one still apply to the lines after the edit, and a
 * promotion the order did not redeem is not picked up by an edit.
 */
describe('order edits keep the promotions the order redeemed, on PGlite', () => {
  let h: CommandHarness;
  let n = 0;

  beforeAll(async () => {
    h = await commandHarness('pglite', {
      promotions: { automaticPromotionIds: async () => ['vip-mugs', 'welcome'] },
      customerHistory: { hasOrdered: async () => false },
    });
    const admin = h.context();
    await h.handlers.createLocation('berlin', 'Berlin', admin);
    await h.handlers.createProduct(
      {
        productId: 'mug',
        sku: 'EDIT-MUG',
        name: 'Mug',
        description: '',
        brand: 'Acme',
        category: 'kitchen',
        attributes: {},
        allowBackorder: false,
        price: eur(1000),
      },
      admin,
    );
    await h.handlers.receiveStock(
      { sku: 'EDIT-MUG', location: 'berlin', quantity: 100, reference: null },
      admin,
    );
    await customerInGroups(h, 'vip-1', ['vip']);
    await customerInGroups(h, 'plain-1', []);
    // 10 % off every mug for the vip group, and 5 EUR off a first order, both combinable.
    await activePromotion(
      h.handlers,
      admin,
      'vip-mugs',
      definition(
        { kind: 'items_percent', basisPoints: 1000 },
        { rules: { customerGroups: ['vip'] }, stacking: 'combinable' },
      ),
    );
    await activePromotion(
      h.handlers,
      admin,
      'welcome',
      definition(
        { kind: 'order_fixed', amount: 500 },
        { rules: { firstOrderOnly: true }, stacking: 'combinable' },
      ),
    );
  });
  afterAll(() => h?.dispose());

  const place = (customerId: string, quantity: number) =>
    h.handlers.placeOrder(
      {
        orderId: `o-promo-${++n}`,
        customerId,
        currency: 'EUR',
        lines: [{ productId: 'mug', quantity }],
        shippingAddress: berlinAddress,
      },
      h.context(),
    );
  const discountsOf = (totals: OrderTotals | Parameters<typeof pricedTotals>[0]) =>
    Object.fromEntries(pricedTotals(totals).discounts.map((d) => [d.promotionId, d.amount.amount]));

  it('re-runs a customer-group and a first-order promotion on the edited lines', async () => {
    const placed = await place('vip-1', 2);
    expect(discountsOf(placed.order.totals)).toEqual({ 'vip-mugs': 200, welcome: 500 });
    const result = await h.handlers.editOrder(
      {
        orderId: placed.order.orderId,
        add: [],
        raise: [{ lineId: placed.order.lines[0]!.lineId, quantity: 2 }],
      },
      h.context({ id: 'staff-1', role: 'staff' }),
    );
    const edit = result.events.find((e): e is OrderEdited => e.type === 'OrderEdited')!.data;
    // 4 mugs: 10 % is 400, the first-order 500 stays.
    expect(discountsOf(edit.after)).toEqual({ 'vip-mugs': 400, welcome: 500 });
    expect(edit.after.total.amount).toBe(4000 - 400 - 500 + edit.after.shipping.amount);
  });

  it('does not give an edited order a promotion it did not redeem at placement', async () => {
    const placed = await place('plain-1', 2);
    expect(discountsOf(placed.order.totals)).toEqual({ welcome: 500 });
    // Joining the group after placement does not bring the group's promotion to an edit.
    await setCustomerGroups(h, 'plain-1', ['vip']);
    const result = await h.handlers.editOrder(
      {
        orderId: placed.order.orderId,
        add: [],
        raise: [{ lineId: placed.order.lines[0]!.lineId, quantity: 1 }],
      },
      h.context({ id: 'staff-1', role: 'staff' }),
    );
    const edit = result.events.find((e): e is OrderEdited => e.type === 'OrderEdited')!.data;
    expect(discountsOf(edit.after)).toEqual({ welcome: 500 });
  });
});
