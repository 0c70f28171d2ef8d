import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { easyPostCarrier } from '../../infra/carriers/easypost-carrier.ts';
import {
  signedTrackerEvent,
  startFakeEasyPost,
  type FakeEasyPost,
} from '../../test-support/fake-easypost/start-fake-easypost.ts';
import { writeApiHarness, type WriteApiHarness } from '../../test-support/write-api-harness.ts';

const apiKey = 'EZTK_matrix';
const webhookSecret = 'whsec-easypost-roundtrip';
const address = {
  name: 'Ada',
  line1: '5 Main St',
  city: 'Austin',
  postalCode: '78701',
  region: 'TX',
  country: 'US',
};
const shipFrom = {
  ...address,
  name: 'Quartermaster',
  line1: '1 Dock Rd',
  line2: null,
  city: 'Oakland',
  postalCode: '94607',
  region: 'CA',
};

describe.each(['pglite', 'postgres'] as const)('carrier labels and tracking webhooks on %s', (backend) => {
  let h: WriteApiHarness;
  let fake: FakeEasyPost;
  const eventCount = async () =>
    Number((await h.sql.query<{ n: string }>('select count(*)::text as n from qm_events'))[0]!.n);
  const deliver = (payload: string, signature: string | null) =>
    h.app.request('/webhooks/easypost', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature ? { 'x-hmac-signature': signature } : {}),
      },
      body: payload,
    });

  beforeAll(async () => {
    fake = await startFakeEasyPost({ apiKey });
    h = await writeApiHarness(backend, {
      carrier: { port: easyPostCarrier({ apiKey, webhookSecret, baseUrl: fake.baseUrl }), shipFrom },
    });
    expect((await h.post('/locations', { locationId: 'oakland', name: 'Oakland' })).status).toBe(201);
    const product = {
      productId: 'p1',
      sku: 'MUG-1',
      name: 'Mug',
      brand: 'Acme',
      category: 'kitchen',
      attributes: { weightGrams: '400' },
      price: { amount: 1500, currency: 'USD' },
    };
    expect((await h.post('/products', product)).status).toBe(201);
    expect((await h.post('/stock/receipts', { sku: 'MUG-1', location: 'oakland', quantity: 9 })).status).toBe(
      200,
    );
  });
  afterAll(async () => {
    await h?.dispose();
    await fake?.close();
  });

  it('buys a label for a shipment, then a signed delivery webhook delivers the order; a forged one changes nothing', async () => {
    const placed = await h.post('/orders', {
      orderId: 'o-track',
      customerId: 'cust-1',
      currency: 'USD',
      lines: [{ productId: 'p1', quantity: 2 }],
      shippingAddress: address,
    });
    expect(placed.status).toBe(201);
    const total = ((await placed.json()) as { order: { totals: { total: { amount: number } } } }).order.totals
      .total;
    expect(
      (
        await h.post('/orders/o-track/payments/manual', {
          reference: 'bank-1',
          amount: { amount: total.amount, currency: 'USD' },
        })
      ).status,
    ).toBe(201);
    const shipped = await h.post('/orders/o-track/shipments', {
      shipmentId: 's-1',
      location: 'oakland',
      lines: [{ lineId: 'L1', quantity: 2 }],
      buyLabel: true,
    });
    expect(shipped.status, await shipped.clone().text()).toBe(201);
    const events = ((await shipped.json()) as { events: { type: string; data: Record<string, unknown> }[] })
      .events;
    const label = events.find((e) => e.type === 'ShipmentLabelBought')!.data;
    expect(label).toMatchObject({
      provider: 'easypost',
      carrier: 'USPS',
      service: 'GroundAdvantage',
      cost: { amount: 507, currency: 'USD' },
    });
    // 800 g of mugs in ounces.
    expect(fake.requests.find((r) => r.path === '/v2/shipments')?.body).toMatchObject({
      shipment: { parcel: { weight: 28.2 } },
    });

    const before = await eventCount();
    const forged = signedTrackerEvent('someone-elses-secret', {
      trackingCode: String(label['trackingNumber']),
      shipmentId: String(label['providerShipmentId']),
      status: 'delivered',
      at: '2026-12-06T15:00:00.000Z',
      message: 'Delivered',
    });
    expect((await deliver(forged.payload, forged.signature)).status).toBe(400);
    expect((await deliver(forged.payload, null)).status).toBe(400);
    expect(await eventCount()).toBe(before);

    const delivered = signedTrackerEvent(webhookSecret, {
      trackingCode: String(label['trackingNumber']),
      shipmentId: String(label['providerShipmentId']),
      status: 'delivered',
      at: '2026-12-06T15:00:00.000Z',
      message: 'Delivered, front porch',
    });
    const answer = await deliver(delivered.payload, delivered.signature);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ received: true, handled: true });
    const stream = await h.store.readStream('order-o-track');
    expect(stream.slice(-2).map((e) => e.type)).toEqual(['ShipmentTracked', 'OrderDelivered']);
    expect(stream.at(-2)?.data).toMatchObject({
      shipmentId: 's-1',
      status: 'delivered',
      detail: 'Delivered, front porch',
    });
    // The same delivery again is acknowledged and changes nothing.
    const after = await eventCount();
    expect(await (await deliver(delivered.payload, delivered.signature)).json()).toMatchObject({
      duplicate: true,
    });
    expect(await eventCount()).toBe(after);
  });

  it('refuses buyLabel without a configured carrier, and a shipment without carrier and tracking number', async () => {
    const plain = await writeApiHarness(backend);
    try {
      const refused = await plain.post('/orders/nope/shipments', {
        location: 'x',
        lines: [{ lineId: 'L1', quantity: 1 }],
      });
      expect(refused.status).toBe(400);
      const problem = (await refused.json()) as { errors: { path: string }[] };
      expect(problem.errors.map((e) => e.path)).toEqual(['carrier', 'trackingNumber']);
      expect((await plain.app.request('/webhooks/easypost', { method: 'POST', body: '{}' })).status).toBe(
        404,
      );
    } finally {
      await plain.dispose();
    }
  });
});
