import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindAbandonedCart } from '../../commands/carts/abandoned-cart-reminders.ts';
import { sqlMailQueue } from '../../infra/mail/sql-mail-queue.ts';
import { commandRuntime } from '../../ops/compose/command-runtime.ts';
import { writeApiHarness, type WriteApiHarness } from '../../test-support/write-api-harness.ts';

const address = { name: 'Ada', line1: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'DE' };

/** The guest cart routes: no token, the cart secret is the credential (the matrix covers `/carts`). */
describe('guest carts over HTTP', () => {
  let h: WriteApiHarness;
  const guest = (method: string, path: string, body: unknown, secret?: string) =>
    h.send(method, path, body, null, secret === undefined ? {} : { 'cart-secret': secret });

  beforeAll(async () => {
    h = await writeApiHarness('pglite');
    const admin = h.context();
    await h.handlers.createLocation('berlin', 'Berlin', admin);
    await h.handlers.createProduct(
      {
        productId: 'mug',
        sku: 'MUG',
        name: 'Mug',
        description: '',
        brand: 'Acme',
        category: 'kitchen',
        attributes: {},
        allowBackorder: false,
        price: { amount: 1200, currency: 'EUR' },
      },
      admin,
    );
    await h.handlers.receiveStock({ sku: 'MUG', location: 'berlin', quantity: 3, reference: null }, admin);
  });
  afterAll(() => h.dispose());

  it('answers the secret once, takes changes only with it, and 404s without it', async () => {
    const created = await guest('POST', '/guest-carts', { currency: 'EUR' });
    expect(created.status).toBe(201);
    const { cartId, secret, events } = (await created.json()) as {
      cartId: string;
      secret: string;
      events: { data: Record<string, unknown> }[];
    };
    expect(JSON.stringify(events)).not.toContain('secretHash');
    const line = { productId: 'mug', quantity: 2 };
    for (const wrong of [undefined, 'not-the-secret']) {
      const refused = await guest('POST', `/guest-carts/${cartId}/lines`, line, wrong);
      expect(refused.status).toBe(404);
      expect(await refused.json()).toMatchObject({ code: 'cart_not_found' });
    }
    const added = await guest('POST', `/guest-carts/${cartId}/lines`, line, secret);
    expect(added.status).toBe(200);
    const short = await guest('PUT', `/guest-carts/${cartId}/lines/mug`, { quantity: 4 }, secret);
    expect(short.status).toBe(409);
    expect(await short.json()).toMatchObject({ code: 'quantity_unavailable', details: { sku: 'MUG' } });
    const bad = await guest('PUT', `/guest-carts/${cartId}/lines/mug`, { quantity: 0 }, secret);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ path: 'quantity' }] });
    // A customer's token does not open a guest cart on the customer routes either.
    const asCustomer = await h.send('POST', `/carts/${cartId}/lines`, line, {
      role: 'customer',
      subject: 'c-9',
    });
    expect(asCustomer.status).toBe(404);
  });

  it('starts checkout with the secret only: the lines are held, a second cart is refused, the hold becomes the order', async () => {
    const admin = h.context();
    await h.handlers.createProduct(
      {
        productId: 'cup',
        sku: 'CUP',
        name: 'Cup',
        description: '',
        brand: 'Acme',
        category: 'kitchen',
        attributes: {},
        allowBackorder: false,
        price: { amount: 900, currency: 'EUR' },
      },
      admin,
    );
    await h.handlers.receiveStock({ sku: 'CUP', location: 'berlin', quantity: 2, reference: null }, admin);
    const open = async () => {
      const { cartId, secret } = (await (
        await guest('POST', '/guest-carts', { currency: 'EUR' })
      ).json()) as {
        cartId: string;
        secret: string;
      };
      await guest('POST', `/guest-carts/${cartId}/lines`, { productId: 'cup', quantity: 2 }, secret);
      await guest('PUT', `/guest-carts/${cartId}/shipping-address`, { shippingAddress: address }, secret);
      return { cartId, secret };
    };
    const first = await open();
    const second = await open();
    expect((await guest('POST', `/guest-carts/${first.cartId}/checkout/start`, {})).status).toBe(404);
    const started = await guest('POST', `/guest-carts/${first.cartId}/checkout/start`, {}, first.secret);
    expect(started.status).toBe(200);
    expect(await started.json()).toMatchObject({
      cartId: first.cartId,
      holds: [
        { productId: 'cup', sku: 'CUP', quantity: 2, allocations: [{ location: 'berlin', quantity: 2 }] },
      ],
    });
    const refused = await guest('POST', `/guest-carts/${second.cartId}/checkout/start`, {}, second.secret);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'stock_shortage' });
    expect((await guest('POST', `/guest-carts/${second.cartId}/checkout`, {}, second.secret)).status).toBe(
      409,
    );
    expect((await guest('POST', `/guest-carts/${first.cartId}/checkout`, {}, first.secret)).status).toBe(201);
  });

  it('checks a guest cart out into an order, and a customer claims another guest cart', async () => {
    const { cartId, secret } = (await (await guest('POST', '/guest-carts', { currency: 'EUR' })).json()) as {
      cartId: string;
      secret: string;
    };
    await guest('POST', `/guest-carts/${cartId}/lines`, { productId: 'mug', quantity: 1 }, secret);
    const noAddress = await guest('POST', `/guest-carts/${cartId}/checkout`, {}, secret);
    expect(noAddress.status).toBe(400);
    await guest('PUT', `/guest-carts/${cartId}/shipping-address`, { shippingAddress: address }, secret);
    const checkedOut = await guest('POST', `/guest-carts/${cartId}/checkout`, {}, secret);
    expect(checkedOut.status).toBe(201);
    expect(await checkedOut.json()).toMatchObject({
      cartId,
      orderId: cartId,
      order: { customerId: `guest-cart-${cartId}` },
    });

    const other = (await (await guest('POST', '/guest-carts', { currency: 'EUR' })).json()) as {
      cartId: string;
      secret: string;
    };
    const claimed = await h.send(
      'POST',
      `/carts/${other.cartId}/claim`,
      { secret: other.secret, mergeInto: null },
      { role: 'customer', subject: 'c-1' },
    );
    expect(claimed.status).toBe(200);
    // The secret opens it no more; its customer's token does.
    const bySecret = await guest(
      'PUT',
      `/guest-carts/${other.cartId}/email`,
      { email: 'a@b.io', marketingConsent: false },
      other.secret,
    );
    expect(bySecret.status).toBe(404);
    const byOwner = await h.send(
      'PUT',
      `/carts/${other.cartId}/email`,
      { email: 'a@b.io', marketingConsent: false },
      { role: 'customer', subject: 'c-1' },
    );
    expect(byOwner.status).toBe(200);
  });

  it('answers 409 problem+json listing what changed since the cart was shown, until the new total is confirmed', async () => {
    const { cartId, secret } = (await (await guest('POST', '/guest-carts', { currency: 'EUR' })).json()) as {
      cartId: string;
      secret: string;
    };
    await guest('POST', `/guest-carts/${cartId}/lines`, { productId: 'mug', quantity: 1 }, secret);
    await guest('PUT', `/guest-carts/${cartId}/shipping-address`, { shippingAddress: address }, secret);
    await h.handlers.changePrice('mug', { amount: 1300, currency: 'EUR' }, 'new season', h.context());

    const changed = await guest('POST', `/guest-carts/${cartId}/checkout`, {}, secret);
    expect(changed.status).toBe(409);
    expect(changed.headers.get('content-type')).toContain('application/problem+json');
    expect(await changed.json()).toMatchObject({
      code: 'cart_changed',
      details: {
        expectedTotal: 1300,
        changes: [
          { what: 'price', line: 'mug', sku: 'MUG', old: 1200, new: 1300 },
          { what: 'total', line: null, old: 1200, new: 1300 },
        ],
      },
    });
    const negative = await guest('POST', `/guest-carts/${cartId}/checkout`, { expectedTotal: -1 }, secret);
    expect(negative.status).toBe(400);
    expect(await negative.json()).toMatchObject({ errors: [{ path: 'expectedTotal' }] });
    const confirmed = await guest('POST', `/guest-carts/${cartId}/checkout`, { expectedTotal: 1300 }, secret);
    expect(confirmed.status).toBe(201);
    expect(await confirmed.json()).toMatchObject({
      orderId: cartId,
      order: { totals: { total: { amount: 1300 } } },
    });
  });

  it('restores a cart from a reminder’s link over HTTP: the token is the credential, a new secret answers', async () => {
    const created = (await (await guest('POST', '/guest-carts', { currency: 'EUR' })).json()) as {
      cartId: string;
      secret: string;
    };
    const { cartId, secret } = created;
    await guest('POST', `/guest-carts/${cartId}/lines`, { productId: 'mug', quantity: 1 }, secret);
    const email = { email: 'lee@example.com', marketingConsent: true, source: 'checkout' };
    expect((await guest('PUT', `/guest-carts/${cartId}/email`, email, secret)).status).toBe(200);
    h.clock.advance(2 * 60 * 60_000);
    await remindAbandonedCart(
      {
        runtime: commandRuntime(h.store),
        mail: sqlMailQueue(h.sql),
        recovery: { restoreUrl: 'https://shop.example/restore', promotionId: null },
      },
      cartId,
      h.context(),
    );
    const [mail] = await h.sql.query<{ text_body: string }>(
      `select text_body from qm_mail_deliveries where recipient = 'lee@example.com'`,
    );
    const link = new URL(/https:\/\/shop\.example\/\S+/.exec(mail!.text_body)![0]);
    const token = link.searchParams.get('token')!;
    expect(link.searchParams.get('cart')).toBe(cartId);

    const restore = (body: unknown) => h.send('POST', `/cart-restore/${cartId}`, body, null);
    expect((await restore({ step: 0, token: 'not-the-token' })).status).toBe(404);
    const bad = await restore({ step: -1, token });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      'step',
    ]);
    const restored = await restore({ step: 0, token });
    expect(restored.status).toBe(200);
    const answer = (await restored.json()) as {
      secret: string;
      couponCode: string | null;
      events: unknown[];
    };
    expect(answer).toMatchObject({ cartId, couponCode: null, events: [] });
    expect(answer.secret).not.toBe(secret);
    const at = `/guest-carts/${cartId}/shipping-address`;
    expect((await guest('PUT', at, { shippingAddress: address }, secret)).status).toBe(404);
    expect((await guest('PUT', at, { shippingAddress: address }, answer.secret)).status).toBe(200);
  });
});
