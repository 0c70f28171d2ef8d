import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderStream } from '../../domain/streams.ts';
import { comparePositions, parsePositionToken, positionToToken } from '../../ports/position.ts';
import {
  signedTrackerEvent,
  startFakeEasyPost,
  type FakeEasyPost,
} from '../../test-support/fake-easypost/start-fake-easypost.ts';
import { signWebhook } from '../../test-support/fake-stripe/sign-webhook.ts';
import { startFakeStripe, type FakeStripe } from '../../test-support/fake-stripe/start-fake-stripe.ts';
import { servedSystem, type ServedSystem } from '../../test-support/served-system.ts';
import { startSmtpSink, type SmtpSink } from '../../test-support/smtp-sink.ts';
import { waitUntil } from '../../test-support/wait-until.ts';

/**
 * The storefront from first visit to delivery, over HTTP against `qm serve` as it serves (both
 * APIs, the projectors, the bus and the notification consumer with its SMTP dispatcher), on PGlite
 * (embedded) and PostgreSQL (with NATS): a guest cart with its secret, held at checkout start →
 * the customer signs in and merges it into the cart of an earlier visit (the guest's holds end) →
 * a wishlist item moved in → shipping options for the address → checkout started (held) → checkout
 * → paid through the real Stripe SDK against the fake Stripe (capture at shipment) → staff buy a
 * label through the EasyPost adapter against the fake EasyPost → signed tracking webhooks take the
 * parcel in transit, out for delivery and delivered → the read API shows it delivered → the
 * delivery mail reaches the SMTP server. Every request carries a real JWT (the customer's from
 * logging in) and every POST an Idempotency-Key; reads pass the write's consistency token.
 */
const STRIPE_KEY = 'sk_test_quartermaster_storefront';
const STRIPE_WEBHOOK_SECRET = 'whsec_quartermaster_storefront_secret';
const EASYPOST_KEY = 'EZTK_storefront';
const EASYPOST_WEBHOOK_SECRET = 'whsec-easypost-storefront';
const PASSWORD = 'a long enough passphrase for the shop';
const address = {
  name: 'Ada Lovelace',
  line1: '5 Main St',
  line2: null,
  city: 'Austin',
  postalCode: '78701',
  region: 'TX',
  country: 'US',
};
const shipFrom = {
  ...address,
  name: 'Quartermaster',
  line1: '1 Dock Rd',
  city: 'Dallas',
  postalCode: '75201',
};
const usd = (amount: number) => ({ amount, currency: 'USD' });

type Json = Record<string, unknown>;
type Totals = { subtotal: Json; shipping: Json; tax: Json; total: Json; discountTotal: Json };
type Level = { sku: string; onHand: number; reserved: number; available: number };

describe.each(['pglite', 'postgres'] as const)('the storefront flow over HTTP on %s', (backend) => {
  let served: ServedSystem;
  let stripe: FakeStripe;
  let easypost: FakeEasyPost;
  let smtp: SmtpSink;
  let staff = '';
  let customer = '';
  const email = `ada-${backend}@example.com`;
  // What the steps learn and the later ones use.
  let customerId = '';
  let cartId = '';
  let guestCartId = '';
  let guestSecret = '';
  let orderId = '';
  let paymentId = '';
  let cartTotals: Totals;
  let trackingNumber = '';
  let providerShipmentId = '';

  /** A request's answer, after checking its status (the body in the message when it is not). */
  async function answer(response: Response, status: number): Promise<Json> {
    expect(response.status, `${response.url}: ${await response.clone().text()}`).toBe(status);
    return (await response.json()) as Json;
  }
  const command = (method: string, path: string, token: string | null, body?: unknown, headers = {}) =>
    served.send('command', method, path, { token, body, headers });
  /** A read that must include the write behind `position` (a consistency token): never stale. */
  async function read(path: string, token: string, position: unknown): Promise<Json> {
    // On a PostgreSQL cluster shared with other work, a long transaction of another database hides
    // fresh rows from the log's visible head for longer than the read API's grace for a token ahead
    // of it (a 400 `consistency_token_ahead` for a token a write just answered): wait for the head.
    const wanted = parsePositionToken(position as string)!;
    await waitUntil('the log head to pass the token', async () => {
      const head = await served.system.store.headPosition();
      return head !== null && comparePositions(wanted, head) <= 0;
    });
    const response = await served.send('read', 'GET', path, {
      token,
      headers: { 'x-consistency-token': position as string },
    });
    expect(response.headers.get('x-stale'), path).toBeNull();
    return answer(response, 200);
  }
  /** The order's last event: a token for reads after writes that answer none (webhooks). */
  const orderToken = async () =>
    positionToToken((await served.system.store.readStream(orderStream(orderId))).at(-1)!.position);
  async function levels(position: unknown): Promise<Record<string, Omit<Level, 'sku'>>> {
    const page = await read('/staff/stock-levels?location=austin', staff, position);
    return Object.fromEntries(
      (page.items as Level[]).map(({ sku, onHand, reserved, available }) => [
        sku,
        { onHand, reserved, available },
      ]),
    );
  }
  /** The mails the SMTP server accepted for the customer with this subject. */
  const mailsTo = (subject: string) =>
    smtp.received.filter((mail) => mail.to.includes(email) && mail.subject === subject);

  beforeAll(async () => {
    stripe = await startFakeStripe({ secretKey: STRIPE_KEY });
    easypost = await startFakeEasyPost({ apiKey: EASYPOST_KEY });
    smtp = await startSmtpSink();
    served = await servedSystem(
      {
        STRIPE_SECRET_KEY: STRIPE_KEY,
        STRIPE_WEBHOOK_SECRET,
        STRIPE_API_URL: stripe.url,
        QM_CAPTURE_AT: 'shipment',
        QM_EASYPOST_API_KEY: EASYPOST_KEY,
        QM_EASYPOST_WEBHOOK_SECRET: EASYPOST_WEBHOOK_SECRET,
        QM_EASYPOST_API_URL: easypost.baseUrl,
        QM_SHIP_FROM: JSON.stringify(shipFrom),
        SMTP_URL: smtp.url,
        // A read with a token waits for the projectors up to this long (the answer says when it gave up).
        QM_READ_WAIT_MS: '20000',
      },
      { backend },
    );
    staff = await served.token('staff', `staff-${backend}`);
    const admin = await served.token('admin', `admin-${backend}`);
    const setUp: [string, unknown, number][] = [
      ['/locations', { locationId: 'austin', name: 'Austin' }, 201],
      // 8 % sales tax in Texas, on top of the prices and on shipping.
      [
        '/tax/regions',
        {
          regionId: 'us-tx',
          country: 'US',
          region: 'TX',
          pricesIncludeTax: false,
          ratesBps: { standard: 800 },
          shippingTaxClass: 'standard',
        },
        200,
      ],
      [
        '/shipping/zones',
        {
          zoneId: 'us',
          name: 'United States',
          countries: ['US'],
          methods: [
            {
              methodId: 'us-standard',
              name: 'Standard',
              currency: 'USD',
              rate: {
                kind: 'weight',
                bands: [
                  { upTo: 2000, amount: 1000 },
                  { upTo: null, amount: 1500 },
                ],
              },
              minDays: 3,
              maxDays: 5,
            },
            {
              methodId: 'us-express',
              name: 'Express',
              currency: 'USD',
              rate: { kind: 'flat', amount: 2500 },
              minDays: 1,
              maxDays: 1,
            },
          ],
        },
        200,
      ],
    ];
    for (const [productId, price, grams, stock] of [
      ['lamp', 12_500, 1500, 5],
      ['mug', 1500, 400, 10],
      ['poster', 2500, 200, 4],
    ] as const) {
      setUp.push(
        [
          '/products',
          {
            productId,
            sku: productId.toUpperCase(),
            name: productId,
            brand: 'Acme',
            category: 'home',
            attributes: { weightGrams: String(grams) },
            price: usd(price),
          },
          201,
        ],
        ['/stock/receipts', { sku: productId.toUpperCase(), location: 'austin', quantity: stock }, 200],
      );
    }
    for (const [path, body, status] of setUp) await answer(await command('POST', path, admin, body), status);
  }, 120_000);
  afterAll(async () => {
    await served?.close();
    await Promise.all([stripe?.close(), easypost?.close(), smtp?.close()]);
  });

  it('a customer signs up (the code comes by mail), and keeps a cart and a wishlist from that visit', async () => {
    const signedUp = await answer(
      await command('POST', '/customers', null, { email, password: PASSWORD, name: 'Ada' }),
      201,
    );
    customerId = signedUp.customerId as string;
    const [mail] = await waitUntil('the verification mail', () => {
      const found = mailsTo('Your verification code');
      return found.length > 0 && found;
    });
    // Read as the customer reads it: the body, soft line breaks (quoted-printable) joined.
    const body = mail!.raw
      .split(/\r?\n\r?\n/)
      .slice(1)
      .join('\n')
      .replace(/=\r?\n/g, '');
    const code = /is (\d{6})\./.exec(body)?.[1];
    expect(code, mail!.raw).toBeDefined();
    await answer(await command('POST', '/customers/verify', null, { email, code }), 200);
    const session = await answer(
      await command('POST', '/auth/login', null, { email, password: PASSWORD }),
      200,
    );
    const firstVisit = session.accessToken as string;

    const created = await answer(await command('POST', '/carts', firstVisit, { currency: 'USD' }), 201);
    cartId = created.cartId as string;
    expect(created.secret).toBeNull();
    await answer(
      await command('POST', `/carts/${cartId}/lines`, firstVisit, { productId: 'mug', quantity: 1 }),
      200,
    );
    const wished = await answer(
      await command('POST', '/me/wishlist', firstVisit, { productId: 'poster' }),
      201,
    );
    const wishlist = await read('/me/wishlist', firstVisit, wished.position);
    expect(JSON.stringify(wishlist)).toContain('poster');
  });

  it('a guest fills a cart that only its secret opens, and starting checkout holds its stock', async () => {
    const created = await answer(await command('POST', '/guest-carts', null, { currency: 'USD' }), 201);
    guestCartId = created.cartId as string;
    guestSecret = created.secret as string;
    const secret = { 'cart-secret': guestSecret };
    for (const line of [
      { productId: 'lamp', quantity: 1 },
      { productId: 'mug', quantity: 2 },
    ])
      await answer(await command('POST', `/guest-carts/${guestCartId}/lines`, null, line, secret), 200);
    // Without the secret the cart is not there.
    const without = await command('POST', `/guest-carts/${guestCartId}/lines`, null, {
      productId: 'mug',
      quantity: 1,
    });
    expect(without.status).toBe(404);
    const started = await answer(
      await command('POST', `/guest-carts/${guestCartId}/checkout/start`, null, undefined, secret),
      200,
    );
    expect(
      (started.holds as { sku: string; quantity: number }[]).map((h) => [h.sku, h.quantity]).sort(),
    ).toEqual([
      ['LAMP', 1],
      ['MUG', 2],
    ]);
    // The read model counts held units as reserved: they are no one else's.
    expect(await levels(started.position)).toMatchObject({
      LAMP: { onHand: 5, reserved: 1, available: 4 },
      MUG: { onHand: 10, reserved: 2, available: 8 },
    });
  });

  it('the customer signs in and claims the guest cart into the earlier one: lines merged, the guest’s holds released', async () => {
    const session = await answer(
      await command('POST', '/auth/login', null, { email, password: PASSWORD }),
      200,
    );
    customer = session.accessToken as string;
    const claimed = await answer(
      await command('POST', `/carts/${guestCartId}/claim`, customer, {
        secret: guestSecret,
        mergeInto: cartId,
      }),
      200,
    );
    expect(claimed.cartId).toBe(cartId);
    const view = await read(`/carts/${cartId}`, customer, claimed.position);
    expect(
      (view.lines as { productId: string; quantity: number }[]).map((l) => [l.productId, l.quantity]).sort(),
    ).toEqual([
      ['lamp', 1],
      ['mug', 3],
    ]);
    expect(await levels(claimed.position)).toMatchObject({
      LAMP: { onHand: 5, reserved: 0, available: 5 },
      MUG: { onHand: 10, reserved: 0, available: 10 },
    });
    // The secret no longer opens the guest cart: it was claimed and closed.
    const guestView = await served.send('read', 'GET', `/guest-carts/${guestCartId}`, {
      headers: { 'cart-secret': guestSecret, 'x-consistency-token': claimed.position as string },
    });
    expect(guestView.status).toBe(404);
  });

  it('moves the wishlist item into the cart in one step', async () => {
    const moved = await answer(
      await command('POST', '/me/wishlist/poster/move-to-cart', customer, { cartId, quantity: 1 }),
      200,
    );
    const wishlist = await read('/me/wishlist', customer, moved.position);
    expect(JSON.stringify(wishlist)).not.toContain('poster');
    const view = await read(`/carts/${cartId}`, customer, moved.position);
    expect((view.lines as { productId: string }[]).map((l) => l.productId).sort()).toEqual([
      'lamp',
      'mug',
      'poster',
    ]);
  });

  it('lists the shipping options for the address, and the cart is priced with the one chosen, shipping and tax included', async () => {
    const query = new URLSearchParams({
      currency: 'USD',
      country: 'US',
      region: 'TX',
      postalCode: '78701',
      lines: 'lamp*1,mug*3,poster*1',
    });
    const options = await answer(
      await command('GET', `/shipping/options?${query.toString()}`, customer),
      200,
    );
    // 1500 + 3 × 400 + 200 = 2900 g: the standard method's upper band.
    expect((options.options as { methodId: string; fee: Json }[]).map((o) => [o.methodId, o.fee])).toEqual([
      ['us-standard', usd(1500)],
      ['us-express', usd(2500)],
    ]);
    await answer(
      await command('PUT', `/carts/${cartId}/shipping-address`, customer, { shippingAddress: address }),
      200,
    );
    const chosen = await answer(
      await command('PUT', `/carts/${cartId}/shipping-method`, customer, { shippingMethodId: 'us-standard' }),
      200,
    );
    const view = await read(`/carts/${cartId}`, customer, chosen.position);
    cartTotals = view.totals as Totals;
    // 125.00 + 3 × 15.00 + 25.00, shipping 15.00, 8 % on all four: 10.00 + 3.60 + 2.00 + 1.20.
    expect(cartTotals).toMatchObject({
      subtotal: usd(19_500),
      discountTotal: usd(0),
      shipping: usd(1500),
      tax: usd(1680),
      total: usd(22_680),
    });
  });

  it('starting checkout holds every line', async () => {
    const started = await answer(await command('POST', `/carts/${cartId}/checkout/start`, customer), 200);
    expect(
      (started.holds as { sku: string; quantity: number }[]).map((h) => [h.sku, h.quantity]).sort(),
    ).toEqual([
      ['LAMP', 1],
      ['MUG', 3],
      ['POSTER', 1],
    ]);
    expect(await levels(started.position)).toMatchObject({
      LAMP: { onHand: 5, reserved: 1 },
      MUG: { onHand: 10, reserved: 3 },
      POSTER: { onHand: 4, reserved: 1 },
    });
  });

  it('checks out at the cart’s total: the holds become the order’s reservations, and Stripe is asked for that amount', async () => {
    const checkedOut = await answer(await command('POST', `/carts/${cartId}/checkout`, customer, {}), 201);
    orderId = checkedOut.orderId as string;
    const order = checkedOut.order as { totals: Totals };
    expect(order.totals).toMatchObject({
      subtotal: cartTotals.subtotal,
      shipping: cartTotals.shipping,
      tax: cartTotals.tax,
      total: cartTotals.total,
    });
    const payment = checkedOut.payment as { provider: string; paymentId: string; status: string };
    expect(payment).toMatchObject({ provider: 'stripe', status: 'awaiting_customer' });
    paymentId = payment.paymentId;
    expect(stripe.ledger.retrievePaymentIntent(paymentId)).toMatchObject({
      amount: 22_680,
      currency: 'usd',
      capture_method: 'manual',
    });
    const stock = (checkedOut.events as { type: string; data: Json }[]).filter((e) =>
      e.type.startsWith('Stock'),
    );
    // Each reservation took its line's hold over, in the one event.
    expect(
      stock.map((e) => [e.type, (e.data.convertedHold as { cartId?: string } | undefined)?.cartId]),
    ).toEqual([
      ['StockReserved', cartId],
      ['StockReserved', cartId],
      ['StockReserved', cartId],
    ]);
    const read1 = await read(`/orders/${orderId}`, customer, checkedOut.position);
    expect(read1).toMatchObject({
      customerId,
      status: 'placed',
      subtotal: usd(19_500),
      shipping: usd(1500),
      tax: usd(1680),
      total: usd(22_680),
      shippingMethodId: 'us-standard',
    });
    expect(await levels(checkedOut.position)).toMatchObject({
      LAMP: { onHand: 5, reserved: 1 },
      MUG: { onHand: 10, reserved: 3 },
      POSTER: { onHand: 4, reserved: 1 },
    });
  });

  it('the customer pays: Stripe’s signed webhook authorizes the payment', async () => {
    stripe.ledger.simulateCustomerPayment(paymentId);
    const { payload, signature } = signWebhook(
      stripe.lastEvent('payment_intent.amount_capturable_updated', paymentId),
      STRIPE_WEBHOOK_SECRET,
    );
    const delivered = await fetch(`${served.urls.command}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body: payload,
    });
    expect(await answer(delivered, 200)).toEqual({ received: true, handled: true });
    const order = await read(`/orders/${orderId}`, customer, await orderToken());
    expect(order).toMatchObject({ status: 'authorized', payment: { authorized: usd(22_680) } });
  });

  it('staff ship it with a label bought through EasyPost, which captures the payment at Stripe', async () => {
    const placed = await read(`/orders/${orderId}`, staff, await orderToken());
    const lines = (placed.lines as { lineId: string; quantity: number }[]).map(({ lineId, quantity }) => ({
      lineId,
      quantity,
    }));
    const shipped = await answer(
      await command('POST', `/orders/${orderId}/shipments`, staff, {
        location: 'austin',
        lines,
        buyLabel: true,
      }),
      201,
    );
    const label = (shipped.events as { type: string; data: Json }[]).find(
      (e) => e.type === 'ShipmentLabelBought',
    )!.data;
    expect(label).toMatchObject({ provider: 'easypost', carrier: 'USPS', service: 'GroundAdvantage' });
    trackingNumber = label.trackingNumber as string;
    providerShipmentId = label.providerShipmentId as string;
    expect(easypost.requests.filter((r) => r.status < 300).map((r) => r.method + ' ' + r.path)).toEqual([
      'POST /v2/shipments',
      `POST /v2/shipments/${providerShipmentId}/buy`,
    ]);
    expect(stripe.ledger.retrievePaymentIntent(paymentId)).toMatchObject({
      status: 'succeeded',
      amount_received: 22_680,
    });
    const order = await read(`/orders/${orderId}`, customer, shipped.position);
    expect(order).toMatchObject({ status: 'shipped', payment: { captured: usd(22_680) } });
    expect(await levels(shipped.position)).toMatchObject({
      LAMP: { onHand: 4, reserved: 0, available: 4 },
      MUG: { onHand: 7, reserved: 0, available: 7 },
      POSTER: { onHand: 3, reserved: 0, available: 3 },
    });
  });

  it('the carrier’s signed tracking webhooks take it in transit, out for delivery and delivered; the order reads delivered', async () => {
    for (const [status, at, message] of [
      ['in_transit', '2026-12-06T09:00:00.000Z', 'Departed USPS facility'],
      ['out_for_delivery', '2026-12-07T08:00:00.000Z', 'Out for delivery'],
      ['delivered', '2026-12-07T15:00:00.000Z', 'Delivered, front porch'],
    ] as const) {
      const event = signedTrackerEvent(EASYPOST_WEBHOOK_SECRET, {
        trackingCode: trackingNumber,
        shipmentId: providerShipmentId,
        status,
        at,
        message,
      });
      const delivered = await fetch(`${served.urls.command}/webhooks/easypost`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hmac-signature': event.signature },
        body: event.payload,
      });
      expect(await answer(delivered, 200), status).toEqual({ received: true, handled: true });
    }
    const order = await read(`/orders/${orderId}`, customer, await orderToken());
    expect(order.status).toBe('delivered');
    const timeline = (order.timeline as { type: string }[]).map((entry) => entry.type);
    expect(timeline.filter((type) => type === 'ShipmentTracked')).toHaveLength(3);
    expect(timeline.at(-1)).toBe('OrderDelivered');
  });

  it('the customer’s delivery mail reaches the SMTP server, once', async () => {
    const subject = `Order ${orderId} was delivered`;
    await waitUntil('the delivery mail', () => mailsTo(subject).length > 0);
    expect(mailsTo(subject)).toHaveLength(1);
    expect(mailsTo(subject)[0]!.raw).toContain('Ada Lovelace');
  });
});
