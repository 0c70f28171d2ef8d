import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readApiHarness, type ReadApiHarness } from '../../test-support/read-api-harness.ts';
import { berlinAddress } from '../../test-support/addresses.ts';

describe('cart and wishlist views', () => {
  let h: ReadApiHarness;
  let secret: string;

  beforeAll(async () => {
    h = await readApiHarness('pglite', 'memory');
    const admin = h.context();
    await h.handlers.createLocation('berlin', 'Berlin', admin);
    for (const [productId, price] of [
      ['mug', 1200],
      ['pen', 250],
    ] as const) {
      await h.handlers.createProduct(
        {
          productId,
          sku: productId.toUpperCase(),
          name: productId,
          description: '',
          brand: 'Acme',
          category: 'office',
          attributes: {},
          allowBackorder: false,
          price: { amount: price, currency: 'EUR' },
        },
        admin,
      );
      await h.handlers.receiveStock(
        { sku: productId.toUpperCase(), location: 'berlin', quantity: 3, reference: null },
        admin,
      );
    }
    const created = await h.handlers.createCart({ cartId: 'g1', customerId: null, currency: 'EUR' }, admin);
    secret = created.secret!;
    const guest = { customerId: null, secret };
    await h.handlers.addLine('g1', guest, { productId: 'mug', quantity: 3 }, admin);
    await h.handlers.setShippingAddress('g1', guest, berlinAddress, admin);
    await h.handlers.createCart({ cartId: 'c1', customerId: 'cust-1', currency: 'EUR' }, admin);
    await h.handlers.addLine(
      'c1',
      { customerId: 'cust-1', secret: null },
      { productId: 'pen', quantity: 1 },
      admin,
    );
    await h.handlers.addToWishlist('cust-1', 'mug', admin);
    // Since the lines were added: the mug got dearer and two of the three were sold elsewhere.
    await h.handlers.changePrice('mug', { amount: 1500, currency: 'EUR' }, 'autumn', admin);
    const placed = await h.handlers.placeOrder(
      {
        orderId: 'o1',
        customerId: 'someone',
        currency: 'EUR',
        lines: [{ productId: 'mug', quantity: 2 }],
        shippingAddress: berlinAddress,
      },
      admin,
    );
    await h.settle(placed.position);
  });
  afterAll(() => h.close());

  it('shows a guest cart with its secret only, saying what changed since each line was added', async () => {
    expect((await h.get('/guest-carts/g1')).status).toBe(404);
    expect((await h.get('/guest-carts/g1', { headers: { 'cart-secret': 'wrong' } })).status).toBe(404);
    const answer = await h.get('/guest-carts/g1', { headers: { 'cart-secret': secret } });
    expect(answer.status).toBe(200);
    const cart = (await answer.json()) as Record<string, unknown>;
    expect(cart).toMatchObject({
      cartId: 'g1',
      owner: 'guest',
      totals: { subtotal: { amount: 3600 }, total: { amount: 3600 } },
      shippingAddress: { city: berlinAddress.city },
      lines: [
        {
          productId: 'mug',
          quantity: 3,
          unitPrice: { amount: 1200, currency: 'EUR' },
          changes: [
            { kind: 'price_changed', from: 1200, to: 1500 },
            { kind: 'quantity_unavailable', requested: 3, available: 1 },
          ],
        },
      ],
    });
  });

  it('shows a customer its own cart and wishlist, and nobody else’s', async () => {
    const own = await h.get('/carts/c1', { as: { role: 'customer', subject: 'cust-1' } });
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ cartId: 'c1', lines: [{ productId: 'pen', changes: [] }] });
    expect((await h.get('/carts/c1', { as: { role: 'customer', subject: 'cust-2' } })).status).toBe(404);
    expect((await h.get('/carts/g1', { as: { role: 'customer', subject: 'cust-1' } })).status).toBe(404);
    const mine = await h.get('/me/carts', { as: { role: 'customer', subject: 'cust-1' } });
    expect(await mine.json()).toMatchObject({
      items: [{ cartId: 'c1', status: 'open', total: { amount: 250 } }],
    });
    const wishlist = await h.get('/me/wishlist', { as: { role: 'customer', subject: 'cust-1' } });
    expect(await wishlist.json()).toEqual({
      items: [
        {
          productId: 'mug',
          name: 'mug',
          price: { amount: 1500, currency: 'EUR' },
          status: 'active',
          available: 1,
          addedAt: expect.any(String),
        },
      ],
    });
  });
});
