import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../ports/event-store.ts';
import { createStripePayments } from '../infra/payments/stripe/create-stripe-payments.ts';
import { signWebhook } from '../test-support/fake-stripe/sign-webhook.ts';
import { startFakeStripe, type FakeStripe } from '../test-support/fake-stripe/start-fake-stripe.ts';
import type { FakeEvent } from '../test-support/fake-stripe/stripe-objects.ts';
import { writeApiHarness, type WriteApiHarness } from '../test-support/write-api-harness.ts';

/**
 * The Stripe flow through the command API, in-process, with the real `stripe` SDK talking HTTP to
 * the fake Stripe server and webhooks signed by the SDK's own test helper: place → the customer
 * pays → webhook → ship (capture) → refund, plus the deliveries that must change nothing.
 */

const SECRET_KEY = 'sk_test_quartermaster_write_api';
const WEBHOOK_SECRET = 'whsec_quartermaster_write_api_secret';
const address = { name: 'Ada', line1: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'DE' };
const customer = { role: 'customer' as const, subject: 'cust-stripe-1' };
const staff = { role: 'staff' as const, subject: 'staff-1' };
const admin = { role: 'admin' as const, subject: 'admin-1' };

interface Placed {
  orderId: string;
  order: { lines: { lineId: string; allocations: { location: string }[] }[] };
  payment: { provider: string; paymentId: string; clientSecret: string | null; status: string };
  position: string;
}

describe.each(['pglite', 'postgres'] as const)('Stripe payments through the write API on %s', (backend) => {
  let fake: FakeStripe;
  let h: WriteApiHarness;

  const orderEvents = async (orderId: string): Promise<RecordedEvent[]> =>
    h.store.readStream(`order-${orderId}`);
  const types = async (orderId: string) => (await orderEvents(orderId)).map((e) => e.type);

  /** Delivers a webhook as Stripe would: the exact bytes, a `Stripe-Signature` header. */
  const deliver = async (payload: string, signature: string | null) =>
    h.app.request('/webhooks/stripe', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature === null ? {} : { 'stripe-signature': signature }),
      },
      body: payload,
    });
  const deliverEvent = (event: FakeEvent) => {
    const { payload, signature } = signWebhook(event, WEBHOOK_SECRET);
    return deliver(payload, signature);
  };

  async function place(orderId: string, quantity = 1): Promise<Placed> {
    const response = await h.post(
      '/orders',
      { orderId, currency: 'EUR', lines: [{ productId: 'p1', quantity }], shippingAddress: address },
      customer,
    );
    expect(response.status).toBe(201);
    return (await response.json()) as Placed;
  }

  /**
   * Every event the store holds, read from its table. Not `headPosition()`: on a PostgreSQL cluster
   * shared with other work, the head readers see lags behind commits while any transaction on the
   * cluster is open (README, "Caveat for operators"), so an unchanged head would not prove that
   * nothing was appended, and a lagging one moves on its own.
   */
  const appended = async () => {
    const [row] = await h.sql.query<{ count: number; last: string }>(
      'select count(*)::int as count, coalesce(max(position), 0)::text as last from qm_events',
    );
    return row;
  };

  /** The call answered a problem with this status and appended nothing anywhere. */
  async function refusedWithoutAppending(status: number, call: () => Promise<Response>) {
    const before = await appended();
    const response = await call();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { code: string; status: number };
    expect(problem.status).toBe(status);
    expect(await appended()).toEqual(before);
    return problem;
  }

  beforeAll(async () => {
    fake = await startFakeStripe({ secretKey: SECRET_KEY });
    const payments = createStripePayments({
      secretKey: SECRET_KEY,
      host: fake.host,
      port: fake.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    h = await writeApiHarness(backend, {
      payments,
      stripeWebhookSecret: WEBHOOK_SECRET,
      settings: { captureAt: 'shipment' },
    });
    expect((await h.post('/locations', { locationId: 'berlin', name: 'Berlin' }, admin)).status).toBe(201);
    const product = await h.post(
      '/products',
      {
        productId: 'p1',
        sku: 'HAMMER-1',
        name: 'Hammer',
        brand: 'Acme',
        category: 'tools',
        price: { amount: 1299, currency: 'EUR' },
      },
      admin,
    );
    expect(product.status).toBe(201);
    const stock = await h.post(
      '/stock/receipts',
      { sku: 'HAMMER-1', location: 'berlin', quantity: 10 },
      admin,
    );
    expect(stock.status).toBe(200);
  });
  afterAll(async () => {
    await h.dispose();
    await fake.close();
  });

  describe('one order from placement to delivery, captured at shipment', () => {
    const orderId = `stripe-${backend}-1`;
    let placed: Placed;
    let authorization: FakeEvent;

    it('opens a PaymentIntent when the order is placed, answering its id and client secret', async () => {
      placed = await place(orderId, 2);
      const { paymentId, clientSecret } = placed.payment;
      expect(placed.payment).toMatchObject({ provider: 'stripe', status: 'awaiting_customer' });
      expect(paymentId).toMatch(/^pi_/);
      expect(clientSecret).toMatch(new RegExp(`^${paymentId}_secret_`));
      // Through the SDK: the fake holds it, for the order's total, held until capture at shipment.
      expect(fake.ledger.retrievePaymentIntent(paymentId)).toMatchObject({
        amount: 2598,
        currency: 'eur',
        capture_method: 'manual',
        status: 'requires_payment_method',
        metadata: { orderId, customerId: 'cust-stripe-1' },
      });
      const created = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents');
      expect(created.map((r) => r.idempotencyKey)).toContain(`createPayment:order-${orderId}`);
      expect(await types(orderId)).toEqual(['OrderPlaced']);
    });

    it('records PaymentAuthorized from the signed webhook once the customer has paid', async () => {
      const { paymentId } = placed.payment;
      fake.ledger.simulateCustomerPayment(paymentId);
      authorization = fake.lastEvent('payment_intent.amount_capturable_updated', paymentId);
      const response = await deliverEvent(authorization);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ received: true, handled: true });
      const events = await orderEvents(orderId);
      expect(events.map((e) => e.type)).toEqual(['OrderPlaced', 'PaymentAuthorized']);
      expect(events[1]).toMatchObject({
        data: { orderId, paymentRef: paymentId, amount: { amount: 2598, currency: 'EUR' } },
        metadata: { actor: { id: 'stripe', role: 'system' }, causationId: authorization.id },
      });
    });

    it('acknowledges a redelivery of the same Stripe event and appends nothing', async () => {
      const before = await appended();
      // Stripe re-signs each retry with a fresh timestamp; the event id is what stays the same.
      for (const timestamp of [undefined, Math.floor(Date.now() / 1000) - 5]) {
        const { payload, signature } = signWebhook(authorization, WEBHOOK_SECRET, timestamp);
        const again = await deliver(payload, signature);
        expect(again.status).toBe(200);
        expect(await again.json()).toMatchObject({ received: true, duplicate: true });
      }
      expect(await appended()).toEqual(before);
      expect(await types(orderId)).toEqual(['OrderPlaced', 'PaymentAuthorized']);
    });

    it('refuses tampered, foreign and unsigned deliveries with 400, appending nothing', async () => {
      // A new event, so that neither a duplicate check nor the order's state could be why nothing happens.
      const succeeded = {
        ...authorization,
        id: `${authorization.id}x`,
        type: 'payment_intent.succeeded',
      };
      const { payload, signature } = signWebhook(succeeded, WEBHOOK_SECRET);
      const tampered = payload.replace('"amount": 2598', '"amount": 1');
      expect(tampered).not.toBe(payload);
      const forged = signWebhook(succeeded, 'whsec_someone_else').signature;
      for (const [body, header] of [
        [tampered, signature],
        [payload, forged],
        [payload, null],
      ] as const) {
        const problem = await refusedWithoutAppending(400, () => deliver(body, header));
        expect(problem.code).toBe('webhook_signature_invalid');
      }
      expect(await types(orderId)).toEqual(['OrderPlaced', 'PaymentAuthorized']);
    });

    it('captures through the SDK when the order ships, and records PaymentCaptured', async () => {
      const { paymentId } = placed.payment;
      const line = placed.order.lines[0]!;
      const response = await h.post(
        `/orders/${orderId}/shipments`,
        {
          location: line.allocations[0]!.location,
          carrier: 'DHL',
          trackingNumber: 'JD0001',
          lines: [{ lineId: line.lineId, quantity: 2 }],
        },
        staff,
      );
      expect(response.status, await response.clone().text()).toBe(201);
      expect(fake.ledger.retrievePaymentIntent(paymentId)).toMatchObject({
        status: 'succeeded',
        amount_capturable: 0,
        amount_received: 2598,
      });
      const captures = fake.requests.filter(
        (r) => r.path === `/v1/payment_intents/${paymentId}/capture` && r.status === 200,
      );
      expect(captures).toHaveLength(1);
      expect(captures[0]!.idempotencyKey).toBe(`capture:capture-${orderId}`);
      const events = await orderEvents(orderId);
      expect(events.slice(0, 2).map((e) => e.type)).toEqual(['OrderPlaced', 'PaymentAuthorized']);
      expect(
        events
          .slice(2)
          .map((e) => e.type)
          .sort(),
      ).toEqual(['PaymentCaptured', 'ShipmentCreated']);
      expect(events.find((e) => e.type === 'PaymentCaptured')?.data).toEqual({
        orderId,
        paymentRef: paymentId,
        amount: { amount: 2598, currency: 'EUR' },
      });
      // The answer's revision covers everything this request appended.
      expect(((await response.json()) as { revision: number }).revision).toBe(3);
      // Captured and shipped: the order goes on to delivery.
      const delivered = await h.post(`/orders/${orderId}/delivered`, {}, staff);
      expect(delivered.status, await delivered.clone().text()).toBe(200);
    });
  });

  describe('refunds of a payment captured through the SDK', () => {
    const orderId = `stripe-${backend}-3`;
    let placed: Placed;
    let refundId: string;
    const charge = () => fake.ledger.retrievePaymentIntent(placed.payment.paymentId).latest_charge!;
    const captureRequests = () =>
      fake.requests.filter(
        (r) => r.path === `/v1/payment_intents/${placed.payment.paymentId}/capture` && r.status === 200,
      );

    it('captures on the capture endpoint through the SDK, and shipping then captures nothing twice', async () => {
      placed = await place(orderId, 2);
      const { paymentId } = placed.payment;
      fake.ledger.simulateCustomerPayment(paymentId);
      const authorized = await deliverEvent(
        fake.lastEvent('payment_intent.amount_capturable_updated', paymentId),
      );
      expect(await authorized.json()).toEqual({ received: true, handled: true });

      const capture = await h.post(`/orders/${orderId}/payments/capture`, {}, staff);
      expect(capture.status, await capture.clone().text()).toBe(200);
      expect(fake.ledger.retrievePaymentIntent(paymentId)).toMatchObject({
        status: 'succeeded',
        amount_received: 2598,
      });
      expect(captureRequests().map((r) => r.idempotencyKey)).toEqual([`capture:capture-${orderId}`]);
      const [captured] = await h.store.readStream(`order-${orderId}`, {
        direction: 'backwards',
        maxCount: 1,
      });
      expect(captured).toMatchObject({
        type: 'PaymentCaptured',
        data: { orderId, paymentRef: paymentId, amount: { amount: 2598, currency: 'EUR' } },
        metadata: { actor: { id: 'staff-1', role: 'staff' } },
      });

      const line = placed.order.lines[0]!;
      const shipped = await h.post(
        `/orders/${orderId}/shipments`,
        {
          location: line.allocations[0]!.location,
          carrier: 'DHL',
          trackingNumber: 'JD0003',
          lines: [{ lineId: line.lineId, quantity: 2 }],
        },
        staff,
      );
      expect(shipped.status, await shipped.clone().text()).toBe(201);
      expect(captureRequests()).toHaveLength(1);
      expect(await types(orderId)).toEqual([
        'OrderPlaced',
        'PaymentAuthorized',
        'PaymentCaptured',
        'ShipmentCreated',
      ]);
    });

    it("takes Stripe's own succeeded webhook after the capture as news already recorded", async () => {
      const before = await appended();
      const response = await deliverEvent(
        fake.lastEvent('payment_intent.succeeded', placed.payment.paymentId),
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ received: true, handled: false });
      expect(await appended()).toEqual(before);
    });

    it("refunds through the SDK and records RefundIssued under Stripe's refund id", async () => {
      const { paymentId } = placed.payment;
      const response = await h.post(
        `/orders/${orderId}/refunds`,
        { amount: { amount: 500, currency: 'EUR' }, reason: 'one hammer arrived bent' },
        admin,
      );
      expect(response.status, await response.clone().text()).toBe(201);
      const refunds = fake.requests.filter(
        (r) => r.path === '/v1/refunds' && r.params.payment_intent === paymentId && r.status === 200,
      );
      expect(refunds).toHaveLength(1);
      expect(refunds[0]!.params).toMatchObject({ amount: '500', metadata: { orderId } });
      expect(refunds[0]!.idempotencyKey).toMatch(/^refund:refund-/);
      const created = fake.events.filter(
        (e) =>
          e.type === 'refund.created' &&
          (e.data.object as { payment_intent: string }).payment_intent === paymentId,
      );
      expect(created).toHaveLength(1);
      refundId = (created[0]!.data.object as { id: string }).id;
      expect(refundId).toMatch(/^re_/);
      expect(fake.lastEvent('charge.refunded', charge()).data.object).toMatchObject({ amount_refunded: 500 });
      const [last] = await h.store.readStream(`order-${orderId}`, { direction: 'backwards', maxCount: 1 });
      expect(last).toMatchObject({
        type: 'RefundIssued',
        data: {
          orderId,
          refundId,
          amount: { amount: 500, currency: 'EUR' },
          reason: 'one hammer arrived bent',
        },
        metadata: { actor: { id: 'admin-1', role: 'admin' } },
      });
    });

    it("does not record the refund twice when Stripe's refund webhook arrives", async () => {
      const before = await appended();
      const response = await deliverEvent(fake.lastEvent('charge.refunded', charge()));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ received: true, handled: false });
      expect(await appended()).toEqual(before);
      const refunds = (await orderEvents(orderId)).filter((e) => e.type === 'RefundIssued');
      expect(refunds.map((e) => (e.data as { refundId: string }).refundId)).toEqual([refundId]);
    });

    it('refunds once at Stripe when a keyed refund is retried after its append failed', async () => {
      // The first run reaches Stripe, then its append fails (here: a stale revision; in life, a
      // crash). The retry of the same request must give Stripe the same key, so no money moves twice.
      const context = {
        actor: { id: 'admin-1', role: 'admin' as const },
        correlationId: 'refund-retry',
        causationId: null,
        now: new Date().toISOString(),
        extra: { idempotencyKey: 'refund-retry-key' },
      };
      const input = { orderId, amount: { amount: 100, currency: 'EUR' }, reason: 'retried refund' };
      const refundCalls = () =>
        fake.requests.filter(
          (r) => r.path === '/v1/refunds' && r.params.payment_intent === placed.payment.paymentId,
        );
      const before = refundCalls().length;
      await expect(h.handlers.refundOrder(input, context, 0)).rejects.toThrow();
      await h.handlers.refundOrder(input, context);
      const calls = refundCalls().slice(before);
      expect(calls).toHaveLength(2);
      expect(calls[1]!.idempotencyKey).toBe(calls[0]!.idempotencyKey);
      const issued = (await orderEvents(orderId)).filter(
        (e) => e.type === 'RefundIssued' && (e.data as { reason: string }).reason === 'retried refund',
      );
      expect(issued).toHaveLength(1);
      expect(fake.lastEvent('charge.refunded', charge()).data.object).toMatchObject({ amount_refunded: 600 });
    });

    it('refuses a refund beyond what remains with 422, asking Stripe nothing and appending nothing', async () => {
      const refundsBefore = fake.requests.filter((r) => r.path === '/v1/refunds').length;
      const problem = await refusedWithoutAppending(422, () =>
        h.post(
          `/orders/${orderId}/refunds`,
          { amount: { amount: 1999, currency: 'EUR' }, reason: 'more than is left' },
          admin,
        ),
      );
      expect(problem).toMatchObject({
        code: 'refund_exceeds_captured',
        details: { captured: 2598, alreadyRefunded: 600, requested: 1999 },
      });
      expect(fake.requests.filter((r) => r.path === '/v1/refunds')).toHaveLength(refundsBefore);
      // What does remain can still be refunded, and then nothing more.
      const rest = await h.post(
        `/orders/${orderId}/refunds`,
        { amount: { amount: 1998, currency: 'EUR' }, reason: 'returned' },
        admin,
      );
      expect(rest.status, await rest.clone().text()).toBe(201);
      expect(fake.lastEvent('charge.refunded', charge()).data.object).toMatchObject({
        amount_refunded: 2598,
        refunded: true,
      });
      const more = await refusedWithoutAppending(422, () =>
        h.post(
          `/orders/${orderId}/refunds`,
          { amount: { amount: 1, currency: 'EUR' }, reason: 'one cent' },
          admin,
        ),
      );
      expect(more.code).toBe('refund_exceeds_captured');
    });
  });

  it('records PaymentFailed when Stripe reports a declined card on another order', async () => {
    const orderId = `stripe-${backend}-2`;
    const placed = await place(orderId);
    const { paymentId } = placed.payment;
    fake.ledger.simulateCustomerPayment(paymentId, 'declined');
    const failure = fake.lastEvent('payment_intent.payment_failed', paymentId);
    const response = await deliverEvent(failure);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, handled: true });
    const events = await orderEvents(orderId);
    expect(events.map((e) => e.type)).toEqual(['OrderPlaced', 'PaymentFailed']);
    expect(events[1]).toMatchObject({
      data: { orderId, paymentRef: paymentId, reason: 'Your card was declined.' },
      metadata: { actor: { id: 'stripe', role: 'system' }, causationId: failure.id },
    });
    // The first order is untouched by this one's news.
    expect(await types(`stripe-${backend}-1`)).not.toContain('PaymentFailed');
  });

  it('lets the customer pay again after a decline: the failed attempt released, a new one paid and authorized', async () => {
    const orderId = `stripe-${backend}-declined-then-paid`;
    // Its own unit, so the tests after it find the stock they expect.
    const receipt = await h.post(
      '/stock/receipts',
      { sku: 'HAMMER-1', location: 'berlin', quantity: 1 },
      admin,
    );
    expect(receipt.status).toBe(200);
    const placed = await place(orderId);
    const failedId = placed.payment.paymentId;
    fake.ledger.simulateCustomerPayment(failedId, 'declined');
    expect((await deliverEvent(fake.lastEvent('payment_intent.payment_failed', failedId))).status).toBe(200);

    // Another customer may not retry it; the owner may, once per request (its Idempotency-Key).
    const attempts = `/orders/${orderId}/payments/attempts`;
    await refusedWithoutAppending(404, () =>
      h.post(attempts, {}, { role: 'customer', subject: 'someone-else' }),
    );
    const key = { 'idempotency-key': `retry-${orderId}` };
    const response = await h.post(attempts, {}, customer, key);
    expect(response.status).toBe(201);
    const retried = (await response.json()) as { payment: Placed['payment'] };
    const { paymentId, clientSecret } = retried.payment;
    expect(paymentId).not.toBe(failedId);
    expect(clientSecret).toMatch(new RegExp(`^${paymentId}_secret_`));
    expect(fake.ledger.retrievePaymentIntent(failedId).status).toBe('canceled');
    expect(fake.ledger.retrievePaymentIntent(paymentId)).toMatchObject({
      amount: 1299,
      metadata: { orderId },
    });
    expect(await types(orderId)).toEqual(['OrderPlaced', 'PaymentFailed', 'PaymentAttemptStarted']);

    // While the new attempt is open there is nothing to retry.
    const again = await refusedWithoutAppending(422, () => h.post(attempts, {}, customer));
    expect(again).toMatchObject({ code: 'invalid_transition' });

    fake.ledger.simulateCustomerPayment(paymentId);
    const paid = fake.lastEvent('payment_intent.amount_capturable_updated', paymentId);
    expect((await deliverEvent(paid)).status).toBe(200);
    const events = await orderEvents(orderId);
    expect(events.map((e) => e.type)).toEqual([
      'OrderPlaced',
      'PaymentFailed',
      'PaymentAttemptStarted',
      'PaymentAuthorized',
    ]);
    expect(events[3]).toMatchObject({ data: { paymentRef: paymentId, amount: { amount: 1299 } } });
  });

  describe('a placement retried after its answer was lost', () => {
    const body = (orderId: string) => ({
      orderId,
      currency: 'EUR',
      lines: [{ productId: 'p1', quantity: 1 }],
      shippingAddress: address,
    });
    const post = (key: string, orderId: string) =>
      h.post('/orders', body(orderId), customer, { 'idempotency-key': key });
    const createRequests = (orderId: string) =>
      fake.requests
        .filter(
          (r) => r.method === 'POST' && r.path === '/v1/payment_intents' && r.status === 200 && !r.replayed,
        )
        .filter((r) => r.idempotencyKey === `createPayment:order-${orderId}`);

    it('answers the same PaymentIntent and opens no second one', async () => {
      const orderId = `stripe-${backend}-retry`;
      const key = `key-${orderId}`;
      const first = await post(key, orderId);
      expect(first.status).toBe(201);
      const original = (await first.json()) as Placed;
      const before = await appended();
      await h.sql.query('delete from qm_idempotency_keys where key = $1', [key]);

      const retry = await post(key, orderId);
      expect(retry.status).toBe(201);
      expect(((await retry.json()) as Placed).payment).toEqual(original.payment);
      expect(await appended()).toEqual(before);
      // Stripe created one PaymentIntent; the retry's call was its idempotent replay.
      expect(createRequests(orderId)).toHaveLength(1);
    });

    it('refuses to place again an order its first run cancelled when the payment failed', async () => {
      const orderId = `stripe-${backend}-outage`;
      const key = `key-${orderId}`;
      fake.failNextRequests(1);
      const first = await post(key, orderId);
      expect(first.status).toBeGreaterThanOrEqual(500); // the provider is unavailable
      expect(await types(orderId)).toEqual(['OrderPlaced', 'OrderCancelled']);
      const problem = await refusedWithoutAppending(409, () => post(key, orderId));
      expect(problem).toMatchObject({
        code: 'placement_cancelled',
        details: { orderId, reason: 'payment_failed' },
      });
    });
  });
});
