import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cartDecider, type CartCommand } from '../../domain/carts/index.ts';
import { wishlistDecider } from '../../domain/wishlists/index.ts';
import { cartStream, privacyStream, wishlistStream } from '../../domain/streams.ts';
import { openSpecDatabase, type SpecDatabase } from '../../test-support/projection-spec.ts';
import { eventLog } from '../testing/event-log.ts';
import { cartsProjection } from './projection.ts';
import { cartFunnel, staffCarts } from './cart-funnel.ts';
import { cartRow, cartView, customerCarts, wishlistItems, wishlistView } from './queries.ts';

const NOW = '2026-12-05T10:00:00.000Z';
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const address = {
  name: 'Ada',
  line1: 'Main St 1',
  line2: null,
  city: 'Berlin',
  postalCode: '10115',
  region: null,
  country: 'DE',
};
// sha256("s3cret") in hex: what the write side stores for the secret "s3cret".
const SECRET_HASH = '1ec1c26b50d5d3c58d9583181af8076655fe00756bf7285940ba3670f99fcba0';

function history() {
  const log = eventLog(NOW);
  const cart = (cartId: string, command: CartCommand) => log.decide(cartDecider, cartStream(cartId), command);
  cart('g1', {
    type: 'CreateCart',
    data: { cartId: 'g1', owner: { kind: 'guest', secretHash: SECRET_HASH }, currency: 'EUR', now: NOW },
  });
  const mug = { productId: 'mug', sku: 'MUG', unitPrice: eur(1200), available: 5 };
  const pen = { productId: 'pen', sku: 'PEN', unitPrice: eur(250), available: 10 };
  cart('g1', { type: 'AddLine', data: { cartId: 'g1', product: mug, quantity: 2, now: NOW } });
  cart('g1', { type: 'AddLine', data: { cartId: 'g1', product: pen, quantity: 1, now: NOW } });
  cart('g1', { type: 'RemoveLine', data: { cartId: 'g1', productId: 'pen', now: NOW } });
  cart('g1', {
    type: 'SetEmail',
    data: { cartId: 'g1', email: 'ada@example.com', marketingConsent: true, source: 'checkout', now: NOW },
  });
  cart('g1', { type: 'SetShippingAddress', data: { cartId: 'g1', address, now: NOW } });
  const applies = { applies: true } as const;
  for (const code of ['summer20', 'VIP5'])
    cart('g1', { type: 'ApplyCoupon', data: { cartId: 'g1', code, check: applies, now: NOW } });
  cart('g1', { type: 'RemoveCoupon', data: { cartId: 'g1', code: 'vip5', now: NOW } });
  log.record(cartStream('g1'), {
    type: 'CartTotalsComputed',
    data: {
      cartId: 'g1',
      totals: {
        subtotal: eur(2400),
        discounts: [],
        discountTotal: eur(0),
        shipping: eur(0),
        tax: eur(0),
        total: eur(2400),
        notApplied: [
          { promotionId: 'summer', code: 'SUMMER20', reason: 'condition_unmet', detail: 'needs 30.00' },
        ],
      },
      at: NOW,
    },
  });
  cart('c1', {
    type: 'CreateCart',
    data: { cartId: 'c1', owner: { kind: 'customer', customerId: 'cust-1' }, currency: 'EUR', now: NOW },
  });
  cart('c1', { type: 'AddLine', data: { cartId: 'c1', product: pen, quantity: 3, now: NOW } });
  log.decide(wishlistDecider, wishlistStream('cust-1'), {
    type: 'AddToWishlist',
    data: { customerId: 'cust-1', productId: 'mug', now: NOW },
  });
  log.decide(wishlistDecider, wishlistStream('cust-1'), {
    type: 'AddToWishlist',
    data: { customerId: 'cust-1', productId: 'pen', now: NOW },
  });
  log.decide(wishlistDecider, wishlistStream('cust-1'), {
    type: 'RemoveFromWishlist',
    data: { customerId: 'cust-1', productId: 'mug', now: NOW },
  });
  return log;
}

describe.each(['pglite', 'postgres'] as const)('carts projection on %s', (backend) => {
  let database: SpecDatabase;
  beforeAll(async () => void (database = await openSpecDatabase(backend)));
  afterAll(async () => database.dispose());

  it('answers a guest cart to its secret only, and a customer cart to its customer only, batch size alike', async () => {
    for (const batchSize of [1, 100]) {
      const spec = await database.spec(cartsProjection());
      await spec.given(history().events, { batchSize });
      const guest = await spec.read((db) => cartRow(db, 'g1', { secret: 's3cret' }));
      expect(guest).not.toBeNull();
      expect(await spec.read((db) => cartRow(db, 'g1', { secret: 'wrong' }))).toBeNull();
      expect(await spec.read((db) => cartRow(db, 'g1', { customerId: 'cust-1' }))).toBeNull();
      expect(await spec.read((db) => cartRow(db, 'c1', { customerId: 'cust-2' }))).toBeNull();

      const view = cartView(guest!, [
        {
          productId: 'mug',
          name: 'Mug',
          price: eur(1300),
          status: 'discontinued',
          available: 1,
          allowBackorder: false,
        },
      ]);
      expect(view.lines).toEqual([
        expect.objectContaining({
          productId: 'mug',
          quantity: 2,
          unitPrice: eur(1200),
          changes: [
            { kind: 'price_changed', from: 1200, to: 1300 },
            { kind: 'discontinued' },
            { kind: 'quantity_unavailable', requested: 2, available: 1 },
          ],
        }),
      ]);
      expect(view.email).toEqual({
        address: 'ada@example.com',
        marketingConsent: { granted: true, source: 'checkout', at: NOW },
      });
      expect(view.totals).toMatchObject({ total: eur(2400) });
      // The codes the cart holds, and why the one entered gives nothing now.
      expect(view.couponCodes).toEqual(['SUMMER20']);
      expect(view.totals).toMatchObject({
        notApplied: [{ promotionId: 'summer', code: 'SUMMER20', reason: 'condition_unmet' }],
      });
      expect(await spec.read((db) => customerCarts(db, 'cust-1'))).toEqual([
        { cartId: 'c1', status: 'open', currency: 'EUR', total: null, updatedAt: NOW },
      ]);
      const items = await spec.read((db) => wishlistItems(db, 'cust-1'));
      expect(wishlistView(items, []).items).toEqual([
        { productId: 'pen', name: null, price: null, status: null, available: null, addedAt: NOW },
      ]);
    }
  });

  it("takes the totals a change carries, and those of an older cart's CartTotalsComputed, alike", async () => {
    const log = eventLog(NOW);
    const totals = (amount: number) => ({
      subtotal: eur(amount),
      discounts: [],
      discountTotal: eur(0),
      shipping: eur(0),
      tax: eur(0),
      total: eur(amount),
    });
    const pen = { productId: 'pen', sku: 'PEN', unitPrice: eur(250), available: 10 };
    for (const cartId of ['t1', 't2'])
      log.decide(cartDecider, cartStream(cartId), {
        type: 'CreateCart',
        data: { cartId, owner: { kind: 'customer', customerId: 'cust-t' }, currency: 'EUR', now: NOW },
      });
    const line = {
      cartId: 't1',
      productId: 'pen',
      sku: 'PEN',
      quantity: 3,
      unitPrice: pen.unitPrice,
      available: 10,
      at: NOW,
    };
    // Now: the change carries its figures. Before: a second event after it.
    log.record(cartStream('t1'), { type: 'CartLineAdded', data: { ...line, totals: totals(750) } });
    log.record(cartStream('t2'), { type: 'CartLineAdded', data: { ...line, cartId: 't2' } });
    log.record(cartStream('t2'), {
      type: 'CartTotalsComputed',
      data: { cartId: 't2', totals: totals(750), at: NOW },
    });
    const spec = await database.spec(cartsProjection());
    await spec.given(log.events);
    const carts = await spec.read((db) => customerCarts(db, 'cust-t'));
    expect(carts.map(({ cartId, total }) => [cartId, total])).toEqual([
      ['t1', eur(750)],
      ['t2', eur(750)],
    ]);
  });

  it('counts carts started, checked out, abandoned, reminded and recovered; lists carts without personal data', async () => {
    const log = history(); // g1 (2 mugs) and c1 (3 pens): open, untouched since NOW
    const cart = (cartId: string, command: CartCommand) =>
      log.decide(cartDecider, cartStream(cartId), command);
    const pen = { productId: 'pen', sku: 'PEN', unitPrice: eur(250), available: 10 };
    for (const cartId of ['r1', 'k1', 'e1', 'u1']) {
      cart(cartId, {
        type: 'CreateCart',
        data: {
          cartId,
          owner: { kind: 'customer', customerId: `cust-${cartId}` },
          currency: 'EUR',
          now: NOW,
        },
      });
      if (cartId !== 'e1')
        cart(cartId, { type: 'AddLine', data: { cartId, product: pen, quantity: 1, now: NOW } });
    }
    // r1: reminded, then checked out (recovered); k1: checked out without a reminder; e1: empty;
    // u1: reminded and still open (abandoned).
    log.record(cartStream('r1'), { type: 'CartReminderSent', data: { cartId: 'r1', at: NOW, step: 0 } });
    log.record(cartStream('r1'), {
      type: 'CartCheckedOut',
      data: { cartId: 'r1', orderId: 'o-r1', at: NOW },
    });
    log.record(cartStream('k1'), {
      type: 'CartCheckedOut',
      data: { cartId: 'k1', orderId: 'o-k1', at: NOW },
    });
    log.record(cartStream('u1'), { type: 'CartReminderSent', data: { cartId: 'u1', at: NOW, step: 0 } });
    const spec = await database.spec(cartsProjection());
    await spec.given(log.events);
    const period = { from: '2026-12-05T00:00:00.000Z', to: '2026-12-06T00:00:00.000Z' };
    expect(
      await spec.read((db) => cartFunnel(db, { ...period, idleBefore: '2026-12-05T11:00:00.000Z' })),
    ).toEqual([
      {
        currency: 'EUR',
        started: 5, // g1, c1, r1, k1, u1 (e1 never got a line)
        checkedOut: 2,
        abandoned: 3, // g1, c1, u1
        abandonedValue: 2 * 1200 + 3 * 250 + 250,
        reminded: 2,
        recovered: 1,
      },
    ]);
    // Not idle long enough yet: nothing is abandoned.
    expect(
      await spec.read((db) => cartFunnel(db, { ...period, idleBefore: '2026-12-05T09:00:00.000Z' })),
    ).toMatchObject([{ abandoned: 0, abandonedValue: 0 }]);
    // Another period: no carts.
    expect(
      await spec.read((db) =>
        cartFunnel(db, { from: '2026-12-06T00:00:00.000Z', to: '2026-12-07T00:00:00.000Z', idleBefore: NOW }),
      ),
    ).toEqual([]);
    const checkedOut = await spec.read((db) => staffCarts(db, { status: 'checked_out', limit: 10 }));
    expect(checkedOut.map((row) => row.cartId).sort()).toEqual(['k1', 'r1']);
    expect(checkedOut.find((row) => row.cartId === 'r1')).toEqual({
      cartId: 'r1',
      customerId: 'cust-r1',
      status: 'checked_out',
      currency: 'EUR',
      lines: 1,
      units: 1,
      value: 250,
      reminderSent: true,
      orderId: 'o-r1',
      createdAt: NOW,
      updatedAt: NOW,
    });
    const guest = (await spec.read((db) => staffCarts(db, { limit: 10 }))).find((row) => row.cartId === 'g1');
    expect(guest).toMatchObject({ customerId: null, units: 2, value: 2400 });
    expect(JSON.stringify(guest)).not.toContain('ada@example.com');
  });

  it('erases the email and address of the erased subject, as a replay reads them', async () => {
    const log = history();
    log.record(privacyStream('guest-cart-g1'), {
      type: 'CustomerErased',
      data: { customerId: 'guest-cart-g1', orderIds: [], reason: 'request' },
    });
    const spec = await database.spec(cartsProjection());
    await spec.given(log.events);
    const row = await spec.read((db) => cartRow(db, 'g1', { secret: 's3cret' }));
    expect(row?.email).toBe('[erased]');
    expect(cartView(row!, []).shippingAddress).toEqual({
      ...address,
      name: '[erased]',
      line1: '[erased]',
      city: '[erased]',
      postalCode: '[erased]',
    });
  });
});
