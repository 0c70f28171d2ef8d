import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { customerInGroups } from '../../test-support/customer-accounts.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const usd = (amount: number) => ({ amount, currency: 'USD' });

/**
 * Price lists on the write side: a cart, `POST /orders` (the placement) and a quote all take a
 * line's unit price from the buyer's list for the currency and quantity, and fall back to the
 * catalog price; a cart priced by a list checks out without a "price changed".
 */
describe.each(['pglite', 'postgres'] as const)('price lists on %s', (backend) => {
  let h: CommandHarness;
  const as = (id: string) => ({
    access: { customerId: id, secret: null },
    ctx: () => h.context({ id, role: 'customer' }),
  });

  beforeAll(async () => {
    // `gone` names no stream: the ids from the read model only say which streams to read.
    h = await commandHarness(backend, {
      activePriceListIds: async () => ['retail-usd', 'wholesale-eur', 'gone'],
    });
    const admin = h.context();
    await h.handlers.createLocation('berlin', 'Berlin', admin);
    const product = (productId: string, sku: string, price: number) =>
      h.handlers.createProduct(
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
    await product('mug', 'MUG', 1000);
    await product('tee', 'TEE', 2000);
    for (const sku of ['MUG', 'TEE'])
      await h.handlers.receiveStock({ sku, location: 'berlin', quantity: 100, reference: null }, admin);
    await h.handlers.createPriceList(
      { priceListId: 'retail-usd', name: 'Retail (USD)', currency: 'USD', customerGroups: [], priority: 0 },
      admin,
    );
    await h.handlers.setPriceListPrices(
      'retail-usd',
      [{ productId: 'mug', tiers: [{ minQuantity: 1, amount: 1200 }] }],
      admin,
    );
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
      ],
      admin,
    );
    await customerInGroups(h, 'bob', ['wholesale']);
    await customerInGroups(h, 'amy', []);
  });
  afterAll(() => h?.dispose());

  it("prices a wholesale customer's cart from the group's list, by quantity tier, and checks it out at those prices", async () => {
    const bob = as('bob');
    await h.handlers.createCart({ cartId: 'bob-1', customerId: 'bob', currency: 'EUR' }, bob.ctx());
    await h.handlers.addLine('bob-1', bob.access, { productId: 'mug', quantity: 2 }, bob.ctx());
    expect((await h.handlers.cartFor('bob-1', bob.access)).totals).toMatchObject({ subtotal: eur(1600) });
    await h.handlers.changeQuantity('bob-1', bob.access, { productId: 'mug', quantity: 10 }, bob.ctx());
    // The tee is in no list: its catalog price.
    await h.handlers.addLine('bob-1', bob.access, { productId: 'tee', quantity: 1 }, bob.ctx());
    const cart = await h.handlers.cartFor('bob-1', bob.access);
    expect(cart.status === 'open' && cart.lines['mug']?.unitPrice).toEqual(eur(700));
    expect(cart.totals).toMatchObject({ subtotal: eur(9000) });

    await h.handlers.setShippingAddress('bob-1', bob.access, berlinAddress, bob.ctx());
    const placed = await h.handlers.checkOutCart('bob-1', bob.access, {}, bob.ctx());
    expect(placed.order.lines.map((l) => [l.sku, l.unitPrice])).toEqual([
      ['MUG', eur(700)],
      ['TEE', eur(2000)],
    ]);
  });

  it('gives a customer outside the group, and a guest, the catalog price', async () => {
    const amy = as('amy');
    await h.handlers.createCart({ cartId: 'amy-1', customerId: 'amy', currency: 'EUR' }, amy.ctx());
    await h.handlers.addLine('amy-1', amy.access, { productId: 'mug', quantity: 10 }, amy.ctx());
    expect((await h.handlers.cartFor('amy-1', amy.access)).totals).toMatchObject({ subtotal: eur(10_000) });
  });

  it('sells in another currency through its list, and refuses a product no list prices in it', async () => {
    const guest = await h.handlers.createCart(
      { cartId: 'usd-1', customerId: null, currency: 'USD' },
      h.context(),
    );
    const access = { customerId: null, secret: guest.secret };
    await h.handlers.addLine('usd-1', access, { productId: 'mug', quantity: 3 }, h.context());
    expect((await h.handlers.cartFor('usd-1', access)).totals).toMatchObject({ subtotal: usd(3600) });
    await expect(
      h.handlers.addLine('usd-1', access, { productId: 'tee', quantity: 1 }, h.context()),
    ).rejects.toMatchObject({ code: 'currency_mismatch' });
  });

  it('prices POST /orders and a quote the same way, from the customer named', async () => {
    const input = {
      currency: 'EUR',
      lines: [{ productId: 'mug', quantity: 12 }],
      shippingAddress: berlinAddress,
    };
    const placed = await h.handlers.placeOrder(
      { ...input, orderId: 'o-bob', customerId: 'bob' },
      h.context(),
    );
    expect(placed.order.lines[0]?.unitPrice).toEqual(eur(700));
    expect(placed.order.totals).toMatchObject({ subtotal: eur(8400) });
    const quote = await h.handlers.quotePrice(
      { ...input, shippingMethodId: null, couponCodes: [], customerId: 'bob', channel: null },
      h.clock.now().toISOString(),
    );
    expect(quote.subtotal).toEqual(eur(8400));
    const dollars = await h.handlers.placeOrder(
      {
        ...input,
        currency: 'USD',
        lines: [{ productId: 'mug', quantity: 1 }],
        orderId: 'o-usd',
        customerId: 'amy',
      },
      h.context(),
    );
    expect(dollars.order.totals).toMatchObject({ subtotal: usd(1200), total: usd(1200) });
  });

  it('stops pricing from an archived list', async () => {
    await h.handlers.archivePriceList('wholesale-eur', h.context());
    const placed = await h.handlers.placeOrder(
      {
        orderId: 'o-bob-2',
        customerId: 'bob',
        currency: 'EUR',
        lines: [{ productId: 'mug', quantity: 10 }],
        shippingAddress: berlinAddress,
      },
      h.context(),
    );
    expect(placed.order.lines[0]?.unitPrice).toEqual(eur(1000));
    await expect(
      h.handlers.setPriceListPrices(
        'wholesale-eur',
        [{ productId: 'tee', tiers: [{ minQuantity: 1, amount: 1 }] }],
        h.context(),
      ),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
  });
});
