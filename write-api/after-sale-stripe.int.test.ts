import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripePayments } from '../infra/payments/stripe/create-stripe-payments.ts';
import { berlinAddress } from '../test-support/addresses.ts';
import { signWebhook } from '../test-support/fake-stripe/sign-webhook.ts';
import { startFakeStripe, type FakeStripe } from '../test-support/fake-stripe/start-fake-stripe.ts';
import type { FakeEvent } from '../test-support/fake-stripe/stripe-objects.ts';
import { readApiHarness, type ReadApiHarness } from '../test-support/read-api-harness.ts';
import { writeApiOver, type WriteApiHarness } from '../test-support/write-api-harness.ts';

/**
 * After the sale, with money moving through Stripe, end to end on PostgreSQL: the real Stripe SDK
 * against the fake Stripe, its webhooks signed and delivered to the real route.
 * - Chargebacks: recorded on the order once however often Stripe sends them, in any order, and
 *   read back by staff on the order and in the open-disputes queue.
 * - Exchanges over HTTP: the replacement reserved in the same append, a dearer one paid through an
 *   extra PaymentIntent captured by its webhook, a cheaper one refunded, a shortage refused with
 *   the extra payment released.
 */
const SECRET_KEY = 'sk_test_quartermaster_disputes';
const WEBHOOK_SECRET = 'whsec_quartermaster_disputes_secret';
const customer = { role: 'customer' as const, subject: 'cust-dispute-1' };
const staff = { role: 'staff' as const, subject: 'staff-dispute-1' };
const admin = { role: 'admin' as const, subject: 'admin-dispute-1' };

type Placed = {
  order: { lines: { lineId: string; allocations: { location: string }[] }[] };
  payment: { paymentId: string };
};
type DisputeView = {
  disputeId: string;
  orderId: string;
  status: string;
  amount: unknown;
  withdrawn: unknown;
  reason: string;
  dueBy: string | null;
};

describe('disputes and exchanges through Stripe on PostgreSQL', () => {
  let fake: FakeStripe;
  let h: ReadApiHarness & WriteApiHarness;
  const types = async (orderId: string) => (await h.store.readStream(`order-${orderId}`)).map((e) => e.type);
  const deliver = (event: FakeEvent) => {
    const { payload, signature } = signWebhook(event, WEBHOOK_SECRET);
    return h.app.request('/webhooks/stripe', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body: payload,
    });
  };
  /**
   * Reads once the projectors have applied the order's last event (not the store's head: on a
   * shared PostgreSQL cluster the head readers see can lag behind commits).
   */
  const read = async <T>(
    orderId: string,
    path: string,
    as: { role: 'staff' | 'customer' | 'admin'; subject: string } = staff,
  ) => {
    await h.settle((await h.store.readStream(`order-${orderId}`)).at(-1)!.position);
    const response = await h.get(path, { as });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as T;
  };

  /** A delivered order of two hammers, paid through Stripe and captured at shipment. */
  async function deliveredOrder(orderId: string): Promise<Placed> {
    const response = await h.post(
      '/orders',
      { orderId, currency: 'EUR', lines: [{ productId: 'p1', quantity: 2 }], shippingAddress: berlinAddress },
      customer,
    );
    expect(response.status, await response.clone().text()).toBe(201);
    const placed = (await response.json()) as Placed;
    fake.ledger.simulateCustomerPayment(placed.payment.paymentId);
    await deliver(fake.lastEvent('payment_intent.amount_capturable_updated', placed.payment.paymentId));
    const line = placed.order.lines[0]!;
    const shipped = await h.post(
      `/orders/${orderId}/shipments`,
      {
        location: line.allocations[0]!.location,
        carrier: 'DHL',
        trackingNumber: `T-${orderId}`,
        lines: [{ lineId: line.lineId, quantity: 2 }],
      },
      staff,
    );
    expect(shipped.status, await shipped.clone().text()).toBe(201);
    expect((await h.post(`/orders/${orderId}/delivered`, {}, staff)).status).toBe(200);
    return placed;
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
    const reader = await readApiHarness('postgres', 'memory', {
      payments,
      settings: { captureAt: 'shipment' },
    });
    h = writeApiOver(reader, { stripeWebhookSecret: WEBHOOK_SECRET });
    expect((await h.post('/locations', { locationId: 'berlin', name: 'Berlin' }, admin)).status).toBe(201);
    const product = await h.post(
      '/products',
      {
        productId: 'p1',
        sku: 'HAMMER-D',
        name: 'Hammer',
        brand: 'Acme',
        category: 'tools',
        price: { amount: 1299, currency: 'EUR' },
      },
      admin,
    );
    expect(product.status).toBe(201);
    for (const [productId, sku, price] of [
      ['p2', 'MALLET-D', 1599],
      ['p3', 'MINI-D', 999],
    ] as const) {
      const created = await h.post(
        '/products',
        {
          productId,
          sku,
          name: sku,
          brand: 'Acme',
          category: 'tools',
          price: { amount: price, currency: 'EUR' },
        },
        admin,
      );
      expect(created.status, await created.clone().text()).toBe(201);
    }
    // One mallet only: the second exchange asking for one finds none.
    expect(
      (await h.post('/stock/receipts', { sku: 'MALLET-D', location: 'berlin', quantity: 1 }, admin)).status,
    ).toBe(200);
    expect(
      (await h.post('/stock/receipts', { sku: 'MINI-D', location: 'berlin', quantity: 5 }, admin)).status,
    ).toBe(200);
    expect(
      (await h.post('/stock/receipts', { sku: 'HAMMER-D', location: 'berlin', quantity: 20 }, admin)).status,
    ).toBe(200);
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  describe('a dispute that is lost', () => {
    const orderId = 'ord-dispute-1';
    let placed: Placed;
    let disputeId = '';

    it('records DisputeOpened and the funds withdrawn from the signed webhooks, as the system', async () => {
      placed = await deliveredOrder(orderId);
      const dispute = fake.ledger.simulateDispute(placed.payment.paymentId, {
        reason: 'product_not_received',
        dueInDays: 9,
      });
      disputeId = dispute.id;
      const created = await deliver(fake.lastEvent('charge.dispute.created', dispute.id));
      expect(await created.json()).toEqual({ received: true, handled: true });
      const withdrawn = await deliver(fake.lastEvent('charge.dispute.funds_withdrawn', dispute.id));
      expect(await withdrawn.json()).toEqual({ received: true, handled: true });
      const events = await h.store.readStream(`order-${orderId}`);
      const opened = events.find((e) => e.type === 'DisputeOpened')!;
      expect(opened).toMatchObject({
        data: {
          orderId,
          disputeId,
          paymentRef: placed.payment.paymentId,
          amount: { amount: 2598, currency: 'EUR' },
          reason: 'product_not_received',
          dueBy: new Date(dispute.evidence_details.due_by! * 1000).toISOString(),
        },
        metadata: { actor: { id: 'stripe', role: 'system' } },
      });
      expect(events.at(-1)).toMatchObject({
        type: 'DisputeFundsWithdrawn',
        data: { orderId, disputeId, amount: { amount: 2598, currency: 'EUR' } },
      });
    });

    it('acknowledges a redelivery by event id and appends nothing', async () => {
      const before = await types(orderId);
      const again = await deliver(fake.lastEvent('charge.dispute.created', disputeId));
      expect(await again.json()).toMatchObject({ received: true, duplicate: true });
      expect(await types(orderId)).toEqual(before);
    });

    it('shows the dispute on the order, its timeline and the open-disputes queue', async () => {
      const order = await read<{
        disputes: DisputeView[];
        timeline: { type: string; summary: string; by: { id: string } }[];
      }>(orderId, `/orders/${orderId}`);
      expect(order.disputes).toEqual([
        expect.objectContaining({
          disputeId,
          status: 'open',
          amount: { amount: 2598, currency: 'EUR' },
          withdrawn: { amount: 2598, currency: 'EUR' },
          reason: 'product_not_received',
        }),
      ]);
      expect(order.timeline.filter((t) => t.type.startsWith('Dispute'))).toEqual([
        expect.objectContaining({
          summary: expect.stringContaining('disputed (product not received)'),
          by: expect.objectContaining({ id: 'stripe' }),
        }),
        expect.objectContaining({ summary: `Dispute ${disputeId}: 25.98 EUR withdrawn by the bank` }),
      ]);
      const queue = await read<{ items: DisputeView[] }>(orderId, '/staff/disputes');
      expect(queue.items.map((d) => [d.orderId, d.disputeId, d.status])).toEqual([
        [orderId, disputeId, 'open'],
      ]);
      // The owner sees the dispute on the order, never the staff queue.
      expect(
        (await read<{ disputes: DisputeView[] }>(orderId, `/orders/${orderId}`, customer)).disputes,
      ).toHaveLength(1);
      expect((await h.get('/staff/disputes', { as: customer })).status).toBe(403);
    });

    it('refuses a refund of money the dispute took back, before asking Stripe', async () => {
      const refundsBefore = fake.requests.filter((r) => r.path === '/v1/refunds').length;
      const response = await h.post(
        `/orders/${orderId}/refunds`,
        { amount: { amount: 100, currency: 'EUR' }, reason: 'goodwill' },
        admin,
      );
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await response.json()).toMatchObject({
        code: 'refund_exceeds_captured',
        details: { disputed: 2598 },
      });
      expect(fake.requests.filter((r) => r.path === '/v1/refunds')).toHaveLength(refundsBefore);
    });

    it('records DisputeClosed lost and takes it off the queue', async () => {
      fake.ledger.simulateDisputeClosed(disputeId, 'lost');
      const closed = await deliver(fake.lastEvent('charge.dispute.closed', disputeId));
      expect(await closed.json()).toEqual({ received: true, handled: true });
      expect((await h.store.readStream(`order-${orderId}`)).at(-1)).toMatchObject({
        type: 'DisputeClosed',
        data: { orderId, disputeId, outcome: 'lost', amount: { amount: 2598, currency: 'EUR' } },
      });
      expect((await read<{ items: DisputeView[] }>(orderId, '/staff/disputes')).items).toEqual([]);
      const order = await read<{ disputes: DisputeView[] }>(orderId, `/orders/${orderId}`);
      expect(order.disputes).toEqual([expect.objectContaining({ status: 'lost' })]);
    });
  });

  describe('a dispute whose news arrives out of order', () => {
    it('opens it from the closing news when that comes first, and ignores the late opening', async () => {
      const orderId = 'ord-dispute-2';
      const placed = await deliveredOrder(orderId);
      const dispute = fake.ledger.simulateDispute(placed.payment.paymentId, { amount: 1000 });
      fake.ledger.simulateDisputeClosed(dispute.id, 'won');
      const closed = await deliver(fake.lastEvent('charge.dispute.closed', dispute.id));
      expect(await closed.json()).toEqual({ received: true, handled: true });
      for (const type of ['charge.dispute.created', 'charge.dispute.funds_withdrawn']) {
        const late = await deliver(fake.lastEvent(type, dispute.id));
        expect(await late.json()).toEqual({ received: true, handled: false });
      }
      const events = (await h.store.readStream(`order-${orderId}`)).filter((e) =>
        e.type.startsWith('Dispute'),
      );
      expect(events.map((e) => [e.type, e.data])).toEqual([
        [
          'DisputeOpened',
          expect.objectContaining({
            disputeId: dispute.id,
            amount: { amount: 1000, currency: 'EUR' },
            reason: 'fraudulent',
          }),
        ],
        ['DisputeClosed', expect.objectContaining({ disputeId: dispute.id, outcome: 'won' })],
      ]);
      // Won: the rest of the payment can still be refunded.
      const refund = await h.post(
        `/orders/${orderId}/refunds`,
        { amount: { amount: 2598, currency: 'EUR' }, reason: 'goodwill' },
        admin,
      );
      expect(refund.status, await refund.clone().text()).toBe(201);
    });

    it('acknowledges a dispute of a payment Quartermaster did not open, appending nothing', async () => {
      const foreign = createStripePayments({
        secretKey: SECRET_KEY,
        host: fake.host,
        port: fake.port,
        protocol: 'http',
        maxNetworkRetries: 0,
      });
      expect(await foreign.orderOfPayment('pi_unknown_to_stripe')).toBeNull();
      const count = async () =>
        (await h.sql.query<{ n: number }>('select count(*)::int as n from qm_events'))[0]!.n;
      const before = await count();
      const intent = fake.ledger.createPaymentIntent(
        { amount: '500', currency: 'eur', capture_method: 'automatic' },
        { requestId: null, idempotencyKey: null },
      );
      fake.ledger.simulateCustomerPayment(intent.id);
      const dispute = fake.ledger.simulateDispute(intent.id);
      const response = await deliver(fake.lastEvent('charge.dispute.created', dispute.id));
      expect(await response.json()).toEqual({ received: true, handled: false });
      expect(await count()).toBe(before);
    });
  });

  describe('exchanges over HTTP', () => {
    const orderId = 'ord-exchange-1';
    let placed: Placed;
    let chargeId = '';
    const exchange = (id: string, body: Record<string, unknown>, as: typeof customer = customer) =>
      h.post(`/orders/${id}/exchanges`, { reason: 'too small', ...body }, as);

    it('exchanges a hammer for a dearer mallet: reserved in the same append, the 3.00 EUR difference opened as an extra PaymentIntent', async () => {
      placed = await deliveredOrder(orderId);
      const lineId = placed.order.lines[0]!.lineId;
      const response = await exchange(orderId, { lineId, quantity: 1, productId: 'p2' });
      expect(response.status, await response.clone().text()).toBe(201);
      const body = (await response.json()) as {
        exchangeId: string;
        difference: unknown;
        payment: { provider: string; paymentId: string; clientSecret: string; status: string };
      };
      expect(body.difference).toEqual({ amount: 300, currency: 'EUR' });
      expect(body.payment).toMatchObject({ provider: 'stripe', status: 'awaiting_customer' });
      chargeId = body.payment.paymentId;
      expect(chargeId).not.toBe(placed.payment.paymentId);
      expect(body.payment.clientSecret).toMatch(new RegExp(`^${chargeId}_secret_`));
      expect(fake.ledger.retrievePaymentIntent(chargeId)).toMatchObject({
        amount: 300,
        currency: 'eur',
        capture_method: 'automatic',
        metadata: { orderId },
      });
      const [exchanged] = await h.store.readStream(`order-${orderId}`, {
        direction: 'backwards',
        maxCount: 1,
      });
      expect(exchanged).toMatchObject({
        type: 'LineExchanged',
        data: {
          exchangeId: body.exchangeId,
          returned: { lineId, sku: 'HAMMER-D', quantity: 1, amount: { amount: 1299, currency: 'EUR' } },
          replacement: {
            lineId: 'X1',
            sku: 'MALLET-D',
            quantity: 1,
            allocations: [{ location: 'berlin', quantity: 1 }],
          },
          difference: { amount: 300, currency: 'EUR' },
          charge: { paymentRef: chargeId, amount: { amount: 300, currency: 'EUR' } },
        },
        metadata: { actor: { id: customer.subject, role: 'customer' } },
      });
      // The reservation is in the same append: one commit for both streams.
      const [reserved] = await h.store.readStream('stock-MALLET-D@berlin', {
        direction: 'backwards',
        maxCount: 1,
      });
      expect(reserved).toMatchObject({ type: 'StockReserved', data: { orderId, quantity: 1 } });
      expect(reserved!.position.commit).toBe(exchanged!.position.commit);
    });

    it('records the extra payment captured when its webhook says the customer paid', async () => {
      fake.ledger.simulateCustomerPayment(chargeId);
      const paid = await deliver(fake.lastEvent('payment_intent.succeeded', chargeId));
      expect(await paid.json()).toEqual({ received: true, handled: true });
      expect((await h.store.readStream(`order-${orderId}`)).at(-1)).toMatchObject({
        type: 'ExchangeChargeCaptured',
        data: { orderId, paymentRef: chargeId, amount: { amount: 300, currency: 'EUR' } },
      });
      const order = await read<{
        payment: { captured: unknown };
        total: unknown;
        timeline: { type: string; summary: string }[];
      }>(orderId, `/orders/${orderId}`, customer);
      expect(order.payment.captured).toEqual({ amount: 2898, currency: 'EUR' });
      expect(order.total).toEqual({ amount: 2898, currency: 'EUR' });
      expect(order.timeline.find((t) => t.type === 'LineExchanged')?.summary).toBe(
        `1 × HAMMER-D (${placed.order.lines[0]!.lineId}) exchanged for MALLET-D (X1): 3.00 EUR to pay`,
      );
    });

    it('refuses an exchange asking for the mallet no one holds (409), appending nothing and releasing its extra payment', async () => {
      const other = 'ord-exchange-2';
      const second = await deliveredOrder(other);
      const before = (await h.store.readStream(`order-${other}`)).length;
      const response = await exchange(other, {
        lineId: second.order.lines[0]!.lineId,
        quantity: 1,
        productId: 'p2',
      });
      expect(response.status, await response.clone().text()).toBe(409);
      expect(((await response.json()) as { code: string }).code).toBe('stock_shortage');
      expect(await h.store.readStream(`order-${other}`)).toHaveLength(before);
      const cancels = fake.requests.filter(
        (r) =>
          r.path.endsWith('/cancel') && r.status === 200 && r.idempotencyKey?.startsWith('cancel:exchange-'),
      );
      expect(cancels).toHaveLength(1);
      const released = fake.ledger.retrievePaymentIntent(cancels[0]!.path.split('/')[3]!);
      expect(released).toMatchObject({ amount: 300, metadata: { orderId: other } });
      expect(released.status).toBe('canceled');
    });

    it('refunds the difference of a cheaper replacement through Stripe', async () => {
      const other = 'ord-exchange-2';
      const response = await exchange(other, { lineId: 'L1', quantity: 2, productId: 'p3' });
      expect(response.status, await response.clone().text()).toBe(201);
      expect(((await response.json()) as { difference: unknown }).difference).toEqual({
        amount: -600,
        currency: 'EUR',
      });
      const events = (await h.store.readStream(`order-${other}`)).slice(-2);
      expect(events.map((e) => e.type)).toEqual(['LineExchanged', 'RefundIssued']);
      expect(events[1]!.data).toMatchObject({
        amount: { amount: 600, currency: 'EUR' },
        reason: expect.stringMatching(/^exchange /),
      });
      const refunds = fake.requests.filter(
        (r) => r.path === '/v1/refunds' && r.status === 200 && r.params.amount === '600',
      );
      expect(refunds).toHaveLength(1);
      expect(refunds[0]!.idempotencyKey).toMatch(/^refund:exchange-/);
    });

    it("refuses another customer's order, an order not delivered, and more units than delivered", async () => {
      const stranger = { role: 'customer' as const, subject: 'cust-dispute-2' };
      const foreign = await exchange(orderId, { lineId: 'L1', quantity: 1, productId: 'p3' }, stranger);
      expect([403, 404]).toContain(foreign.status);
      // The first order waits for its replacement to ship: not delivered now.
      const pending = await exchange(orderId, { lineId: 'L1', quantity: 1, productId: 'p3' });
      expect(pending.status).toBe(422);
      expect(((await pending.json()) as { code: string }).code).toBe('invalid_transition');
      const third = 'ord-exchange-3';
      await deliveredOrder(third);
      const tooMany = await exchange(third, { lineId: 'L1', quantity: 3, productId: 'p3' });
      expect(tooMany.status).toBe(422);
      expect(await tooMany.json()).toMatchObject({
        code: 'exchange_exceeds_delivered',
        details: { delivered: 2 },
      });
    });

    it('ships the replacement like any line, and the order is delivered again', async () => {
      const shipped = await h.post(
        `/orders/${orderId}/shipments`,
        { location: 'berlin', carrier: 'DHL', trackingNumber: 'X-1', lines: [{ lineId: 'X1', quantity: 1 }] },
        staff,
      );
      expect(shipped.status, await shipped.clone().text()).toBe(201);
      expect((await h.post(`/orders/${orderId}/delivered`, {}, staff)).status).toBe(200);
    });
  });
});
