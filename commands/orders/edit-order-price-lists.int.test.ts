import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderEdited } from '../../domain/orders/index.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { customerInGroups, setCustomerGroups } from '../../test-support/customer-accounts.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/**
 * Staff order edits price added and changed lines as a placement for the customer would now: the
 * customer's price list for the order's currency and the line's quantity (its tier), else the
 * catalog; a changed line never above what it was sold at, a line left alone at its own price.
 */
describe.each(['pglite', 'postgres'] as const)('order edits with price lists on %s', (backend) => {
  let h: CommandHarness;
  let n = 0;

  beforeAll(async () => {
    h = await commandHarness(backend, { activePriceListIds: async () => ['wholesale-eur'] });
    const admin = h.context();
    await h.handlers.createLocation('berlin', 'Berlin', admin);
    for (const [productId, sku, price] of [
      ['mug', 'MUG', 1000],
      ['bowl', 'BOWL', 500],
      ['tee', 'TEE', 2000],
    ] as const) {
      await h.handlers.createProduct(
        {
          productId,
          sku,
          name: sku,
          description: '',
          brand: 'Acme',
          category: 'kitchen',
          attributes: {},
          allowBackorder: false,
          price: eur(price),
        },
        admin,
      );
      await h.handlers.receiveStock({ sku, location: 'berlin', quantity: 500, reference: null }, admin);
    }
    await h.handlers.createPriceList(
      {
        priceListId: 'wholesale-eur',
        name: 'Wholesale',
        currency: 'EUR',
        customerGroups: ['wholesale'],
        priority: 0,
      },
      admin,
    );
    await h.handlers.setPriceListPrices(
      'wholesale-eur',
      [
        {
          productId: 'mug',
          tiers: [
            { minQuantity: 1, amount: 800 },
            { minQuantity: 10, amount: 700 },
          ],
        },
        { productId: 'bowl', tiers: [{ minQuantity: 1, amount: 400 }] },
      ],
      admin,
    );
    await customerInGroups(h, 'bob', ['wholesale']);
    await customerInGroups(h, 'amy', []);
  });
  afterAll(() => h?.dispose());

  const staff = () => h.context({ id: 'staff-1', role: 'staff' });
  const place = (customerId: string, lines: { productId: string; quantity: number }[]) =>
    h.handlers.placeOrder(
      {
        orderId: `o-${backend}-${++n}`,
        customerId,
        currency: 'EUR',
        lines,
        shippingAddress: berlinAddress,
      },
      h.context(),
    );
  const linesOf = (placed: Awaited<ReturnType<typeof place>>) =>
    placed.order.lines.map((l) => [l.sku, l.quantity, l.unitPrice.amount]);
  const edited = (result: { events: { type: string }[] }) =>
    result.events.find((e): e is OrderEdited => e.type === 'OrderEdited')!.data;

  it("adds a line at the customer's list price, and a raise reaching a tier reprices the whole line", async () => {
    const placed = await place('bob', [{ productId: 'mug', quantity: 2 }]);
    expect(linesOf(placed)).toEqual([['MUG', 2, 800]]);
    const input = {
      orderId: placed.order.orderId,
      add: [{ productId: 'bowl', quantity: 1 }],
      raise: [{ lineId: 'L1', quantity: 8 }],
    };
    const preview = await h.handlers.previewOrderEdit(input, staff());
    const result = edited(await h.handlers.editOrder(input, staff(), preview.tag));
    expect(result.added).toMatchObject([{ sku: 'BOWL', unitPrice: eur(400), lineTotal: eur(400) }]);
    // Ten mugs cost 7.00 each from the list's tier, the two sold at 8.00 too.
    expect(result.raised).toMatchObject([
      { lineId: 'L1', quantity: 8, amount: eur(5600), unitPrice: eur(700) },
    ]);
    expect(result.after.subtotal).toEqual(eur(7000 + 400));
    expect(preview.after).toEqual(result.after);
    expect(preview.lines.map((l) => [l.sku, l.quantity, l.unitPrice.amount, l.lineTotal.amount])).toEqual([
      ['MUG', 10, 700, 7000],
      ['BOWL', 1, 400, 400],
    ]);
  });

  it('keeps the price sold at when a lowered line falls below its tier', async () => {
    const placed = await place('bob', [{ productId: 'mug', quantity: 12 }]);
    expect(linesOf(placed)).toEqual([['MUG', 12, 700]]);
    const result = edited(
      await h.handlers.editOrder(
        { orderId: placed.order.orderId, add: [], raise: [], lower: [{ lineId: 'L1', quantity: 5 }] },
        staff(),
      ),
    );
    expect(result.lowered).toEqual([{ lineId: 'L1', sku: 'MUG', quantity: 5, amount: eur(3500) }]);
    expect(result.after.subtotal).toEqual(eur(7 * 700));
  });

  it('prices with the list the customer has now; a line the edit leaves alone keeps its price', async () => {
    const placed = await place('amy', [
      { productId: 'mug', quantity: 3 },
      { productId: 'bowl', quantity: 1 },
    ]);
    expect(linesOf(placed)).toEqual([
      ['MUG', 3, 1000],
      ['BOWL', 1, 500],
    ]);
    const outsider = edited(
      await h.handlers.editOrder(
        { orderId: placed.order.orderId, add: [{ productId: 'tee', quantity: 1 }], raise: [] },
        staff(),
      ),
    );
    // No list prices the tee, and Amy is in no group yet: catalog prices.
    expect(outsider.added).toMatchObject([{ sku: 'TEE', unitPrice: eur(2000) }]);

    await setCustomerGroups(h, 'amy', ['wholesale']);
    const result = edited(
      await h.handlers.editOrder(
        { orderId: placed.order.orderId, add: [], raise: [{ lineId: 'L1', quantity: 1 }] },
        staff(),
      ),
    );
    expect(result.raised).toMatchObject([
      { lineId: 'L1', quantity: 1, amount: eur(800), unitPrice: eur(800) },
    ]);
    // Four mugs at 8.00, the bowl still at the 5.00 it was sold at, the tee at 20.00.
    expect(result.after.subtotal).toEqual(eur(3200 + 500 + 2000));
  });

  it('raises a line at its own price when a placement now would charge more', async () => {
    const placed = await place('bob', [{ productId: 'bowl', quantity: 1 }]);
    await h.handlers.setPriceListPrices(
      'wholesale-eur',
      [{ productId: 'bowl', tiers: [{ minQuantity: 1, amount: 450 }] }],
      h.context(),
    );
    const result = edited(
      await h.handlers.editOrder(
        { orderId: placed.order.orderId, add: [], raise: [{ lineId: 'L1', quantity: 1 }] },
        staff(),
      ),
    );
    expect(result.raised).toEqual([expect.objectContaining({ lineId: 'L1', quantity: 1, amount: eur(400) })]);
    expect(result.raised[0]).not.toHaveProperty('unitPrice');
    expect(result.after.subtotal).toEqual(eur(800));
  });
});
