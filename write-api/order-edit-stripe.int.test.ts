import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripePayments } from '../infra/payments/stripe/create-stripe-payments.ts';
import { signWebhook } from '../test-support/fake-stripe/sign-webhook.ts';
import { startFakeStripe, type FakeStripe } from '../test-support/fake-stripe/start-fake-stripe.ts';
import { writeApiHarness, type WriteApiHarness } from '../test-support/write-api-harness.ts';

/**
 * Order edits over HTTP with the real `stripe` SDK against the fake Stripe server: preview (nothing
 * appended, an ETag), confirm carrying it (a missing or stale one refused), and the payment
 * difference: an extra PaymentIntent for a raised total, paid by the customer and recorded from its
 * webhook, then captured with the order at shipment; a refund through the SDK for a lowered one,
 * keyed by the edit.
 */

const SECRET_KEY = 'sk_test_quartermaster_order_edits';
const WEBHOOK_SECRET = 'whsec_quartermaster_order_edits_secret';
const address = { name: 'Ada', line1: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'DE' };
const customer = { role: 'customer' as const, subject: 'cust-edit-1' };
const staff = { role: 'staff' as const, subject: 'staff-1' };
const admin = { role: 'admin' as const, subject: 'admin-1' };
const eur = (amount: number) => ({ amount, currency: 'EUR' });

interface Placed {
  orderId: string;
  order: { lines: { lineId: string }[] };
  payment: { paymentId: string };
}

describe.each(['pglite', 'postgres'] as const)(
  'order edits with Stripe through the write API on %s',
  (backend) => {
    let fake: FakeStripe;
    let h: WriteApiHarness;

    const types = async (orderId: string) =>
      (await h.store.readStream(`order-${orderId}`)).map((e) => e.type);
    const deliver = (type: string, objectId: string) => {
      const { payload, signature } = signWebhook(fake.lastEvent(type, objectId), WEBHOOK_SECRET);
      return h.app.request('/webhooks/stripe', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        body: payload,
      });
    };
    /** Placed by the customer and paid (authorized, held until shipment) through the fake. */
    async function paidOrder(orderId: string, quantity: number): Promise<Placed> {
      const response = await h.post(
        '/orders',
        { orderId, currency: 'EUR', lines: [{ productId: 'p1', quantity }], shippingAddress: address },
        customer,
      );
      expect(response.status).toBe(201);
      const placed = (await response.json()) as Placed;
      fake.ledger.simulateCustomerPayment(placed.payment.paymentId);
      expect(
        (await deliver('payment_intent.amount_capturable_updated', placed.payment.paymentId)).status,
      ).toBe(200);
      return placed;
    }
    const preview = (orderId: string, body: unknown) =>
      h.post(`/orders/${orderId}/edit/preview`, body, staff);
    const confirm = (orderId: string, body: unknown, ifMatch?: string) =>
      h.post(`/orders/${orderId}/edit`, body, staff, ifMatch === undefined ? {} : { 'if-match': ifMatch });

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
          price: eur(1299),
        },
        admin,
      );
      expect(product.status).toBe(201);
      expect(
        (await h.post('/stock/receipts', { sku: 'HAMMER-1', location: 'berlin', quantity: 20 }, admin))
          .status,
      ).toBe(200);
    });
    afterAll(async () => {
      await h.dispose();
      await fake.close();
    });

    it('previews, confirms with the ETag, and takes the difference by an extra PaymentIntent', async () => {
      const orderId = `edit-${backend}-raise`;
      const placed = await paidOrder(orderId, 1);
      const lineId = placed.order.lines[0]!.lineId;
      const body = { raise: [{ lineId, quantity: 1 }] };

      const previewed = await preview(orderId, body);
      expect(previewed.status, await previewed.clone().text()).toBe(200);
      const etag = previewed.headers.get('etag')!;
      const answer = (await previewed.json()) as Record<string, unknown>;
      expect(answer).toMatchObject({
        orderId,
        etag,
        before: { total: eur(1299) },
        after: { subtotal: eur(2598), total: eur(2598) },
        difference: eur(1299),
        payment: { kind: 'extra_payment', amount: eur(1299) },
        reservations: [{ lineId, sku: 'HAMMER-1', location: 'berlin', quantity: 1 }],
      });
      expect(await types(orderId)).toEqual(['OrderPlaced', 'PaymentAuthorized']);

      // Without the preview's ETag, or with another change than previewed: refused, nothing appended.
      const bare = await confirm(orderId, body);
      expect(bare.status).toBe(428);
      expect(await bare.json()).toMatchObject({ code: 'preview_required' });
      const other = await confirm(orderId, { raise: [{ lineId, quantity: 2 }] }, etag);
      expect(other.status).toBe(409);
      expect(other.headers.get('content-type')).toContain('application/problem+json');
      expect(await other.json()).toMatchObject({
        code: 'edit_preview_stale',
        details: { reason: 'request_differs' },
      });
      expect(await types(orderId)).toEqual(['OrderPlaced', 'PaymentAuthorized']);

      const confirmed = await confirm(orderId, body, etag);
      expect(confirmed.status, await confirmed.clone().text()).toBe(200);
      expect(await types(orderId)).toEqual([
        'OrderPlaced',
        'PaymentAuthorized',
        'OrderEdited',
        'ExtraPaymentOpened',
      ]);
      const [opened] = (await h.store.readStream(`order-${orderId}`)).slice(3);
      const extraId = (opened!.data as { paymentRef: string }).paymentRef;
      expect(extraId).not.toBe(placed.payment.paymentId);
      expect(fake.ledger.retrievePaymentIntent(extraId)).toMatchObject({
        amount: 1299,
        capture_method: 'automatic',
        metadata: { orderId },
      });
      const created = fake.requests.find(
        (r) =>
          r.path === '/v1/payment_intents' &&
          r.status === 200 &&
          r.params.amount === '1299' &&
          r.idempotencyKey?.startsWith('createPayment:edit-'),
      );
      expect(created).toBeDefined();

      // The customer asks for what is owed and pays it with the PaymentIntent's client secret.
      const due = await h.post(`/orders/${orderId}/payments/extra`, {}, customer);
      expect(due.status, await due.clone().text()).toBe(200);
      expect(await due.json()).toMatchObject({
        orderId,
        amount: eur(1299),
        payment: {
          provider: 'stripe',
          paymentId: extraId,
          clientSecret: expect.stringMatching(new RegExp(`^${extraId}_secret_`)) as unknown,
          status: 'awaiting_customer',
        },
      });
      expect(
        (await h.post(`/orders/${orderId}/payments/extra`, {}, { role: 'customer', subject: 'someone-else' }))
          .status,
      ).toBe(404);

      // The same preview again: the order moved on.
      const stale = await confirm(orderId, body, etag);
      expect(stale.status).toBe(409);
      expect(await stale.json()).toMatchObject({
        code: 'edit_preview_stale',
        details: { reason: 'order_changed' },
      });

      // The customer pays the difference; its webhook records it, and nothing else.
      fake.ledger.simulateCustomerPayment(extraId);
      expect((await deliver('payment_intent.succeeded', extraId)).status).toBe(200);
      expect((await types(orderId)).at(-1)).toBe('ExtraPaymentCaptured');
      const settled = await h.post(`/orders/${orderId}/payments/extra`, {}, customer);
      expect(settled.status).toBe(409);
      expect(await settled.json()).toMatchObject({ code: 'no_extra_payment_owed' });

      // Shipping captures the order's own PaymentIntent for the rest of the new total.
      const shipped = await h.post(
        `/orders/${orderId}/shipments`,
        {
          location: 'berlin',
          carrier: 'DHL',
          trackingNumber: `T-${orderId}`,
          lines: [{ lineId, quantity: 2 }],
        },
        staff,
      );
      expect(shipped.status, await shipped.clone().text()).toBe(201);
      expect(fake.ledger.retrievePaymentIntent(placed.payment.paymentId)).toMatchObject({
        status: 'succeeded',
        amount_received: 1299,
      });
      // After shipment an edit is refused, even its preview.
      const late = await preview(orderId, body);
      expect(late.status).toBe(422);
      expect(await late.json()).toMatchObject({ code: 'invalid_transition' });
    });

    it('refunds a lowered captured order through the SDK once, keyed by the edit', async () => {
      const orderId = `edit-${backend}-lower`;
      const placed = await paidOrder(orderId, 3);
      const lineId = placed.order.lines[0]!.lineId;
      const captured = await h.post(`/orders/${orderId}/payments/capture`, {}, staff);
      expect(captured.status, await captured.clone().text()).toBe(200);
      const body = { lower: [{ lineId, quantity: 1 }] };
      const previewed = await preview(orderId, body);
      expect(await previewed.clone().json()).toMatchObject({
        before: { total: eur(3897) },
        after: { total: eur(2598) },
        payment: { kind: 'refund', amount: eur(1299) },
        releases: [{ lineId, location: 'berlin', quantity: 1 }],
      });
      const etag = previewed.headers.get('etag')!;
      const confirmed = await confirm(orderId, body, etag);
      expect(confirmed.status, await confirmed.clone().text()).toBe(200);
      expect((await types(orderId)).slice(-2)).toEqual(['OrderEdited', 'RefundIssued']);
      const refunds = fake.requests.filter((r) => r.path === '/v1/refunds' && r.status === 200);
      expect(refunds).toHaveLength(1);
      expect(refunds[0]).toMatchObject({ params: { amount: '1299' } });
      expect(refunds[0]!.idempotencyKey).toMatch(/^refund:edit-/);
    });

    it('releases the extra PaymentIntent of an edit when the order is cancelled before it is paid', async () => {
      const orderId = `edit-${backend}-cancel`;
      const placed = await paidOrder(orderId, 1);
      const body = { raise: [{ lineId: placed.order.lines[0]!.lineId, quantity: 1 }] };
      const etag = (await preview(orderId, body)).headers.get('etag')!;
      expect((await confirm(orderId, body, etag)).status).toBe(200);
      const [opened] = (await h.store.readStream(`order-${orderId}`)).filter(
        (e) => e.type === 'ExtraPaymentOpened',
      );
      const extraId = (opened!.data as { paymentRef: string }).paymentRef;
      const cancelled = await h.post(`/orders/${orderId}/cancel`, { note: null }, staff);
      expect(cancelled.status, await cancelled.clone().text()).toBe(200);
      expect(fake.ledger.retrievePaymentIntent(extraId)).toMatchObject({ status: 'canceled' });
    });
  },
);
