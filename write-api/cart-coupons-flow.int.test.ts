import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definition } from '../domain/testing/promotion-fixtures.ts';
import { cartStream, promotionRedemptionStream } from '../domain/streams.ts';
import { berlinAddress } from '../test-support/addresses.ts';
import { writeApiHarness, type WriteApiHarness } from '../test-support/write-api-harness.ts';

type Json = Record<string, unknown>;
type Totals = {
  subtotal: { amount: number };
  discountTotal: { amount: number };
  total: { amount: number };
  discounts: { promotionId: string; code: string | null; amount: { amount: number } }[];
  notApplied?: { promotionId: string; code: string | null; reason: string }[];
};

const eur = (amount: number) => ({ amount, currency: 'EUR' });

async function setUpShop(h: WriteApiHarness, summerLimit: number | null) {
  const admin = h.context();
  await h.handlers.createLocation('berlin', 'Berlin', admin);
  for (const [productId, sku, price] of [
    ['mug', 'MUG', 2000],
    ['plate', 'PLATE', 1000],
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
    await h.handlers.receiveStock({ sku, location: 'berlin', quantity: 100, reference: null }, admin);
  }
  // 20 % off orders of at least 30.00 with the shared code SUMMER20.
  await h.handlers.createPromotion(
    {
      promotionId: 'summer',
      definition: definition(
        { kind: 'order_percent', basisPoints: 2000 },
        {
          codes: { mode: 'shared', code: 'SUMMER20' },
          limits: { counts: 'orders', total: summerLimit, perCustomer: null, perCode: null },
          rules: { minSubtotal: 3000 },
        },
      ),
    },
    admin,
  );
  await h.handlers.activatePromotion('summer', admin);
  // 5.00 off orders of at least 100.00 with VIP5: no cart here reaches it.
  await h.handlers.createPromotion(
    {
      promotionId: 'vip',
      definition: definition(
        { kind: 'order_fixed', amount: 500 },
        { codes: { mode: 'shared', code: 'VIP5' }, rules: { minSubtotal: 10_000 } },
      ),
    },
    admin,
  );
  await h.handlers.activatePromotion('vip', admin);
}

/** A customer's cart over HTTP: created, its lines added, shipped to Berlin. */
async function cartWith(
  h: WriteApiHarness,
  customer: string,
  lines: { productId: string; quantity: number }[],
): Promise<{ cartId: string; send: (method: string, path: string, body?: unknown) => Promise<Response> }> {
  const as = { role: 'customer' as const, subject: customer };
  const send = (method: string, path: string, body?: unknown) => h.send(method, path, body, as);
  const created = await send('POST', '/carts', { currency: 'EUR' });
  expect(created.status).toBe(201);
  const { cartId } = (await created.json()) as { cartId: string };
  for (const line of lines) expect((await send('POST', `/carts/${cartId}/lines`, line)).status).toBe(200);
  const { line2: _, region: __, ...address } = berlinAddress;
  expect((await send('PUT', `/carts/${cartId}/shipping-address`, { shippingAddress: address })).status).toBe(
    200,
  );
  return { cartId, send };
}

/** The figures a write answered: carried by the change (or, alone, a `CartTotalsComputed`). */
const totalsOf = (answer: Json): Totals | undefined =>
  (answer.events as { type: string; data: { totals?: Totals } }[]).find((e) => e.data.totals !== undefined)
    ?.data.totals;

describe('cart → coupon → checkout → partial refund, over HTTP', () => {
  let h: WriteApiHarness;
  beforeAll(async () => {
    h = await writeApiHarness('pglite', { promotions: {} });
    await setUpShop(h, null);
  });
  afterAll(() => h.dispose());

  it('takes a code that applies (any case), refuses one that does not, and reverses the discount on a partial refund', async () => {
    const { cartId, send } = await cartWith(h, 'c-1', [
      { productId: 'mug', quantity: 2 },
      { productId: 'plate', quantity: 1 },
    ]);
    const couponEvents = async () =>
      (await h.store.readStream(cartStream(cartId))).filter((e) => e.type.startsWith('CartCoupon'));

    // Unknown, and known but not applicable to this cart: 400 naming `code`, nothing appended.
    for (const [code, why] of [
      ['NOPE99', 'unknown'],
      ['vip5', 'condition_unmet'],
    ] as const) {
      const refused = await send('POST', `/carts/${cartId}/coupons`, { code });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(await refused.json()).toMatchObject({
        code: 'coupon_not_applicable',
        errors: [{ path: 'code' }],
        details: { field: 'code', why },
      });
    }
    expect(await couponEvents()).toEqual([]);

    const key = { 'idempotency-key': `apply-${cartId}` };
    const as = { role: 'customer' as const, subject: 'c-1' };
    const applied = await h.send('POST', `/carts/${cartId}/coupons`, { code: ' summer20 ' }, as, key);
    expect(applied.status).toBe(200);
    const appliedAnswer = (await applied.json()) as Json;
    // A retry under the same key answers the same and appends nothing more.
    const retried = await h.send('POST', `/carts/${cartId}/coupons`, { code: ' summer20 ' }, as, key);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toEqual(appliedAnswer);
    expect((await couponEvents()).map((e) => e.data)).toEqual([
      expect.objectContaining({ code: 'SUMMER20' }),
    ]);
    expect(totalsOf(appliedAnswer)).toMatchObject({
      subtotal: eur(5000),
      discountTotal: eur(1000),
      total: eur(4000),
      discounts: [{ promotionId: 'summer', code: 'SUMMER20', amount: eur(1000) }],
    });

    // Below the promotion's minimum the code stays on the cart and the totals say why it gave nothing.
    const removed = (await (await send('DELETE', `/carts/${cartId}/lines/mug`)).json()) as Json;
    expect(totalsOf(removed)).toMatchObject({
      discountTotal: eur(0),
      discounts: [],
      notApplied: [{ promotionId: 'summer', code: 'SUMMER20', reason: 'condition_unmet' }],
    });
    const readded = await send('POST', `/carts/${cartId}/lines`, { productId: 'mug', quantity: 2 });
    expect(totalsOf((await readded.json()) as Json)).toMatchObject({ discountTotal: eur(1000) });
    // Removing a code it does not hold is a 404; the code itself is removed in any case.
    expect((await send('DELETE', `/carts/${cartId}/coupons/VIP5`)).status).toBe(404);

    const checkout = await send('POST', `/carts/${cartId}/checkout`, {});
    expect(checkout.status).toBe(201);
    const { orderId, order } = (await checkout.json()) as {
      orderId: string;
      order: {
        totals: Totals;
        lines: {
          lineId: string;
          sku: string;
          discounts?: { promotionId: string; amount: { amount: number } }[];
        }[];
      };
    };
    expect(order.totals).toMatchObject({ discountTotal: eur(1000), total: eur(4000) });
    // The order's discount is allocated to its lines: 800 to the mugs, 200 to the plate.
    const mugLine = order.lines.find((l) => l.sku === 'MUG')!;
    const redeemed = await h.store.readStream(promotionRedemptionStream('summer'));
    expect(redeemed.map((e) => [e.type, (e.data as { orderId: string }).orderId])).toEqual([
      ['PromotionRedeemed', orderId],
    ]);

    expect(
      (
        await h.send('POST', `/orders/${orderId}/payments/manual`, {
          reference: 'transfer',
          amount: eur(4000),
        })
      ).status,
    ).toBe(201);
    // Partial refund: one of the two mugs, at what it cost after its share of the discount.
    const cancelled = await h.send('POST', `/orders/${orderId}/cancel-lines`, {
      lines: [{ lineId: mugLine.lineId, quantity: 1 }],
    });
    expect(cancelled.status).toBe(200);
    const orderEvents = await h.store.readStream(`order-${orderId}`);
    const cancel = orderEvents.find((e) => e.type === 'OrderLinesCancelled')!.data as {
      lines: { discounts?: { promotionId: string; amount: { amount: number } }[] }[];
      amount: { amount: number };
    };
    expect(cancel.lines[0]!.discounts).toEqual([{ promotionId: 'summer', amount: eur(400) }]);
    expect(cancel.amount).toEqual(eur(1600));
    const refund = orderEvents.find((e) => e.type === 'RefundIssued')!.data as { amount: { amount: number } };
    expect(refund.amount).toEqual(eur(1600));
    // A refund keeps the redemption (it is given back only on cancellation or expiry of the order).
    expect((await h.store.readStream(promotionRedemptionStream('summer'))).map((e) => e.type)).toEqual([
      'PromotionRedeemed',
    ]);
  });
});

describe('a guest cart takes a code with its secret only', () => {
  let h: WriteApiHarness;
  beforeAll(async () => {
    h = await writeApiHarness('pglite', { promotions: {} });
    await setUpShop(h, null);
  });
  afterAll(() => h.dispose());

  it('answers 404 without the secret and applies the code with it', async () => {
    const guest = (method: string, path: string, body: unknown, secret?: string) =>
      h.send(method, path, body, null, secret === undefined ? {} : { 'cart-secret': secret });
    const created = await guest('POST', '/guest-carts', { currency: 'EUR' });
    const { cartId, secret } = (await created.json()) as { cartId: string; secret: string };
    expect(
      (await guest('POST', `/guest-carts/${cartId}/lines`, { productId: 'mug', quantity: 2 }, secret)).status,
    ).toBe(200);
    for (const wrong of [undefined, 'not-the-secret']) {
      const refused = await guest('POST', `/guest-carts/${cartId}/coupons`, { code: 'SUMMER20' }, wrong);
      expect(refused.status).toBe(404);
      expect(await refused.json()).toMatchObject({ code: 'cart_not_found' });
    }
    const applied = await guest('POST', `/guest-carts/${cartId}/coupons`, { code: 'Summer20' }, secret);
    expect(applied.status).toBe(200);
    expect(totalsOf((await applied.json()) as Json)).toMatchObject({ discountTotal: eur(800) });
    expect((await guest('DELETE', `/guest-carts/${cartId}/coupons/summer20`, undefined)).status).toBe(404);
    const removed = await guest('DELETE', `/guest-carts/${cartId}/coupons/summer20`, undefined, secret);
    expect(removed.status).toBe(200);
    expect(totalsOf((await removed.json()) as Json)).toMatchObject({ discountTotal: eur(0) });
  });
});

const CARTS = 20;
const LIMIT = 5;

describe('one code limited to 5 uses, 20 carts checking out at once (PostgreSQL)', () => {
  let h: WriteApiHarness;
  beforeAll(async () => {
    h = await writeApiHarness('postgres', { promotions: {} });
    await setUpShop(h, LIMIT);
  });
  afterAll(() => h.dispose());

  it('exactly 5 keep the discount; the others get 409 cart_changed naming the discount that went', async () => {
    const carts = await Promise.all(
      Array.from({ length: CARTS }, async (_, n) => {
        const cart = await cartWith(h, `c-${n}`, [{ productId: 'mug', quantity: 2 }]);
        const applied = await cart.send('POST', `/carts/${cart.cartId}/coupons`, { code: 'summer20' });
        expect(applied.status).toBe(200);
        return cart;
      }),
    );
    const answers = await Promise.all(
      carts.map(async ({ cartId, send }) => {
        const response = await send('POST', `/carts/${cartId}/checkout`, {});
        return { status: response.status, body: (await response.json()) as Json };
      }),
    );
    const placed = answers.filter((a) => a.status === 201);
    expect(placed).toHaveLength(LIMIT);
    for (const { body } of placed)
      expect((body.order as { totals: Totals }).totals).toMatchObject({ discountTotal: eur(800) });
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused).toHaveLength(CARTS - LIMIT);
    for (const { status, body } of refused) {
      expect(status).toBe(409);
      expect(body).toMatchObject({ code: 'cart_changed', details: { expectedTotal: 4000 } });
      expect((body.details as { changes: unknown[] }).changes).toContainEqual(
        expect.objectContaining({
          what: 'discount',
          promotionId: 'summer',
          code: 'SUMMER20',
          old: 800,
          new: 0,
        }),
      );
    }
    const redemptions = await h.store.readStream(promotionRedemptionStream('summer'));
    expect(redemptions.filter((e) => e.type === 'PromotionRedeemed')).toHaveLength(LIMIT);
  });
});
