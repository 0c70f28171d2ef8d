import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundKeyOf } from '../commands/returns/refund-return.ts';
import { contactsFrom } from '../consumers/notifications/customer-contacts.ts';
import { handleNotificationEvent } from '../consumers/notifications/notification-handler.ts';
import { orderStream, returnStream, stockStream } from '../domain/streams.ts';
import { easyPostCarrier } from '../infra/carriers/easypost-carrier.ts';
import { createStripePayments } from '../infra/payments/stripe/create-stripe-payments.ts';
import { createLogger } from '../infra/logging/logger.ts';
import { stateAt } from '../projections/time-travel/time-travel.ts';
import type { RecordedEvent } from '../ports/event-store.ts';
import { comparePositions } from '../ports/position.ts';
import { berlinAddress } from '../test-support/addresses.ts';
import { startFakeEasyPost, type FakeEasyPost } from '../test-support/fake-easypost/start-fake-easypost.ts';
import { signWebhook } from '../test-support/fake-stripe/sign-webhook.ts';
import { startFakeStripe, type FakeStripe } from '../test-support/fake-stripe/start-fake-stripe.ts';
import { writeApiHarness, type WriteApiHarness } from '../test-support/write-api-harness.ts';

/**
 * A return end to end over HTTP on PostgreSQL, with the real Stripe SDK against the fake Stripe:
 * a delivered order → the customer requests a return → staff authorize it (RMA number, and a
 * return label bought through the carrier port, the real EasyPost SDK against the fake EasyPost) →
 * staff receive it, one line restocked and one written off → the refund runs by itself through
 * Stripe as the system → the mail of each step. Time travel then shows the return at every step.
 */
const SECRET_KEY = 'sk_test_quartermaster_returns';
const WEBHOOK_SECRET = 'whsec_quartermaster_returns_secret';
const customer = { role: 'customer' as const, subject: 'cust-ret-1' };
const stranger = { role: 'customer' as const, subject: 'cust-ret-2' };
const staff = { role: 'staff' as const, subject: 'staff-ret-1' };
const admin = { role: 'admin' as const, subject: 'admin-ret-1' };
const orderId = 'ord-return-1';
const EASYPOST_KEY = 'EZTK_returns';
const shipFrom = {
  name: 'Quartermaster returns',
  line1: 'Lagerstraße 1',
  line2: null,
  city: 'Berlin',
  postalCode: '10115',
  region: null,
  country: 'DE',
};

type Placed = { order: { lines: { lineId: string; sku: string }[] }; payment: { paymentId: string } };

describe('a return through the write API on PostgreSQL, refunded through Stripe', () => {
  let fake: FakeStripe;
  let easyPost: FakeEasyPost;
  let h: WriteApiHarness;
  let placed: Placed;
  let returnId = '';
  let receiptId = '';
  const lineOf = (sku: string) => placed.order.lines.find((l) => l.sku === sku)!.lineId;
  const types = async (stream: string) => (await h.store.readStream(stream)).map((e) => e.type);

  async function ok(response: Response, status: number) {
    expect(response.status, await response.clone().text()).toBe(status);
    return (await response.json()) as Record<string, unknown>;
  }

  beforeAll(async () => {
    fake = await startFakeStripe({ secretKey: SECRET_KEY });
    easyPost = await startFakeEasyPost({ apiKey: EASYPOST_KEY });
    const payments = createStripePayments({
      secretKey: SECRET_KEY,
      host: fake.host,
      port: fake.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    h = await writeApiHarness('postgres', {
      payments,
      stripeWebhookSecret: WEBHOOK_SECRET,
      settings: { captureAt: 'shipment' },
      carrier: {
        port: easyPostCarrier({
          apiKey: EASYPOST_KEY,
          webhookSecret: 'whsec-returns',
          baseUrl: easyPost.baseUrl,
        }),
        shipFrom,
      },
    });
    await ok(await h.post('/locations', { locationId: 'berlin', name: 'Berlin' }, admin), 201);
    await ok(await h.post('/locations', { locationId: 'outlet', name: 'Outlet' }, admin), 201);
    for (const [productId, sku, amount] of [
      ['p-ham', 'RET-HAMMER', 1299],
      ['p-saw', 'RET-SAW', 2500],
    ] as const) {
      const product = {
        productId,
        sku,
        name: sku,
        brand: 'Acme',
        category: 'tools',
        price: { amount, currency: 'EUR' },
      };
      await ok(await h.post('/products', product, admin), 201);
      await ok(await h.post('/stock/receipts', { sku, location: 'berlin', quantity: 10 }, admin), 200);
    }
    // 10 % restocking fee; tools may come back within 30 days.
    await ok(
      await h.post(
        '/returns/policy',
        {
          defaultWindowDays: 14,
          categoryWindowDays: { tools: 30 },
          reasons: ['damaged', 'no_longer_needed'],
          restockingFeeBps: 1000,
          instructions: 'Write the RMA number on the parcel and send it to Quartermaster, Berlin.',
        },
        admin,
      ),
      200,
    );
    const placedAnswer = await h.post(
      '/orders',
      {
        orderId,
        currency: 'EUR',
        lines: [
          { productId: 'p-ham', quantity: 2 },
          { productId: 'p-saw', quantity: 1 },
        ],
        shippingAddress: berlinAddress,
      },
      customer,
    );
    placed = (await ok(placedAnswer, 201)) as unknown as Placed;
    fake.ledger.simulateCustomerPayment(placed.payment.paymentId);
    const { payload, signature } = signWebhook(
      fake.lastEvent('payment_intent.amount_capturable_updated', placed.payment.paymentId),
      WEBHOOK_SECRET,
    );
    const webhook = await h.app.request('/webhooks/stripe', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body: payload,
    });
    expect(webhook.status).toBe(200);
    const lines = placed.order.lines.map((l) => ({
      lineId: l.lineId,
      quantity: l.sku === 'RET-HAMMER' ? 2 : 1,
    }));
    await ok(
      await h.post(
        `/orders/${orderId}/shipments`,
        { location: 'berlin', carrier: 'DHL', trackingNumber: 'T1', lines },
        staff,
      ),
      201,
    );
    await ok(await h.post(`/orders/${orderId}/delivered`, {}, staff), 200);
  });
  afterAll(async () => {
    await h?.dispose();
    await fake?.close();
    await easyPost?.close();
  });

  it('refuses a return before anyone asks for one of another customer’s order (404) or off the reasons list (400)', async () => {
    const lines = [{ lineId: lineOf('RET-HAMMER'), quantity: 1 }];
    expect((await h.post(`/orders/${orderId}/returns`, { lines, reason: 'damaged' }, stranger)).status).toBe(
      404,
    );
    const bad = await h.post(`/orders/${orderId}/returns`, { lines, reason: 'bored' }, customer);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('reason');
    expect(await types(`returned-${orderId}`)).toEqual([]);
  });

  it('lets the customer request a return of one hammer and the saw, holding those units', async () => {
    const answer = await ok(
      await h.post(
        `/orders/${orderId}/returns`,
        {
          lines: [
            { lineId: lineOf('RET-HAMMER'), quantity: 1 },
            { lineId: lineOf('RET-SAW'), quantity: 1 },
          ],
          reason: 'damaged',
          note: 'the saw arrived bent',
          photos: ['https://photos.example/saw.jpg'],
        },
        customer,
      ),
      201,
    );
    returnId = answer.returnId as string;
    const [requested] = await h.store.readStream(returnStream(returnId));
    expect(requested).toMatchObject({
      type: 'ReturnRequested',
      data: {
        orderId,
        customerId: customer.subject,
        openedBy: 'customer',
        lines: [
          { sku: 'RET-HAMMER', quantity: 1, amount: 1299, tax: 0, windowDays: 30 },
          { sku: 'RET-SAW', quantity: 1, amount: 2500, tax: 0, windowDays: 30 },
        ],
      },
      metadata: { actor: { id: customer.subject, role: 'customer' } },
    });
    // The same units cannot come back twice.
    const twice = await h.post(
      `/orders/${orderId}/returns`,
      { lines: [{ lineId: lineOf('RET-SAW'), quantity: 1 }], reason: 'damaged' },
      customer,
    );
    expect(twice.status).toBe(422);
    expect(await twice.json()).toMatchObject({ code: 'return_exceeds_delivered' });
  });

  it('lets staff, not the customer, authorize it: an RMA number and a return label from the carrier, bought once', async () => {
    expect((await h.post(`/returns/${returnId}/authorize`, {}, customer)).status).toBe(403);
    await ok(await h.post(`/returns/${returnId}/authorize`, { note: null }, staff), 200);
    const events = await h.store.readStream(returnStream(returnId));
    expect(events[1]).toMatchObject({
      type: 'ReturnAuthorized',
      data: {
        rmaNumber: `RMA-${returnId.toUpperCase()}`,
        label: {
          carrier: 'USPS',
          trackingNumber: expect.any(String),
          labelUrl: expect.stringMatching(/^https?:/),
        },
      },
    });
    // Bought from the customer's address back to the shop, under the return's own parcel id,
    // weighed from the returned units (no product here has a weight).
    const bought = [...easyPost.shipments.values()];
    expect(bought).toHaveLength(1);
    expect(bought[0]!.reference).toBe(`${orderId}/return@${returnId}`);
    const created = easyPost.requests.find((r) => r.method === 'POST' && r.path.endsWith('/shipments'))!;
    expect(created.body).toMatchObject({
      shipment: { from_address: { city: berlinAddress.city }, to_address: { name: shipFrom.name } },
    });
    // Authorized already: a second authorization is refused and buys no second label.
    expect((await h.post(`/returns/${returnId}/authorize`, { note: null }, staff)).status).toBe(422);
    expect(easyPost.shipments.size).toBe(1);
  });

  it('receives the hammer restocked at the outlet and the saw written off, then refunds through Stripe as the system', async () => {
    const answer = await ok(
      await h.post(
        `/returns/${returnId}/receipts`,
        {
          location: 'berlin',
          lines: [
            { lineId: lineOf('RET-HAMMER'), quantity: 1, disposition: 'restock', restockLocation: 'outlet' },
            {
              lineId: lineOf('RET-SAW'),
              quantity: 1,
              disposition: 'write_off',
              adjustmentReason: 'damage',
              note: 'bent',
            },
          ],
        },
        staff,
      ),
      201,
    );
    receiptId = answer.receiptId as string;
    expect(await types(stockStream('RET-HAMMER', 'outlet'))).toEqual(['StockReturned']);
    expect((await h.store.readStream(stockStream('RET-SAW', 'berlin'))).slice(-2)).toMatchObject([
      { type: 'StockReturned', data: { quantity: 1, orderId, returnId } },
      { type: 'StockAdjusted', data: { delta: -1, reason: 'damage', note: 'bent' } },
    ]);
    // (1299 + 2500) less the 10 % restocking fee; no tax recorded on these lines, shipping kept by policy.
    const due = 3799 - 380;
    const refunds = fake.requests.filter(
      (r) => r.method === 'POST' && r.path === '/v1/refunds' && r.status === 200,
    );
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.idempotencyKey).toContain(refundKeyOf(returnId, { receiptId }));
    const order = await h.store.readStream(orderStream(orderId));
    expect(order.at(-1)).toMatchObject({
      type: 'RefundIssued',
      data: { amount: { amount: due, currency: 'EUR' } },
      metadata: { actor: { id: 'returns-refunds', role: 'system' }, requestedBy: staff.subject },
    });
    expect((await h.store.readStream(returnStream(returnId))).at(-1)).toMatchObject({
      type: 'ReturnRefunded',
      data: { amount: due, capped: false, refundKey: refundKeyOf(returnId, { receiptId }) },
    });
    // A retried refund finds it made and does nothing.
    const retry = await h.handlers.retryReturnRefund(returnId, { receiptId }, h.context());
    expect(retry.events).toEqual([]);
  });

  it('mails the customer at each step', async () => {
    // Read per stream, not from the global log: on a PostgreSQL cluster shared with other work, the
    // log's readers may lag behind commits for a moment (README, "Caveat for operators").
    const events: RecordedEvent[] = [
      ...(await h.store.readStream(orderStream(orderId))),
      ...(await h.store.readStream(returnStream(returnId))),
    ].sort((a, b) => comparePositions(a.position, b.position));
    const rules = {
      adminEmails: [],
      contacts: contactsFrom({ [customer.subject]: 'ada@example.com' }),
      log: createLogger('silent'),
    };
    for (const event of events) await handleNotificationEvent(h.sql, event, rules);
    const mails = await h.sql.query<{ template: string; subject: string }>(
      `select template, subject from qm_mail_deliveries where recipient = $1 order by created_at`,
      ['ada@example.com'],
    );
    expect(mails.map((m) => m.template)).toEqual([
      'order-confirmation',
      'shipped',
      'delivered',
      'return-requested',
      'return-authorized',
      'return-received',
      'refund-issued',
    ]);
    expect(mails.find((m) => m.template === 'return-authorized')?.subject).toContain('RMA-');
    const authorized = await h.sql.query<{ body: string }>(
      `select text_body as body from qm_mail_deliveries where template = 'return-authorized'`,
    );
    expect(authorized[0]!.body).toContain('Print your return label');
  });

  it('shows the return at every step with time travel', async () => {
    const events = await h.store.readStream(returnStream(returnId));
    const statuses = [];
    for (const event of events) {
      const at = await stateAt(h.store, returnStream(returnId), {
        kind: 'position',
        position: event.position,
      });
      statuses.push((at!.state as { status: string }).status);
    }
    expect(events.map((e) => e.type)).toEqual([
      'ReturnRequested',
      'ReturnAuthorized',
      'ReturnReceived',
      'ReturnRefunded',
    ]);
    expect(statuses).toEqual(['requested', 'authorized', 'received', 'received']);
  });

  it('refuses the last hammer once the 30-day window has closed', async () => {
    h.clock.advance(31 * 86_400_000);
    const late = await h.post(
      `/orders/${orderId}/returns`,
      { lines: [{ lineId: lineOf('RET-HAMMER'), quantity: 1 }], reason: 'no_longer_needed' },
      customer,
    );
    expect(late.status).toBe(422);
    expect(await late.json()).toMatchObject({ code: 'return_window_closed', details: { windowDays: 30 } });
  });
});
