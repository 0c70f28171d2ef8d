import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeApiHarness, type WriteApiHarness } from '../test-support/write-api-harness.ts';

const address = { name: 'Ada', line1: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'DE' };
const customer = { role: 'customer' as const, subject: 'cust-1' };
type Json = Record<string, unknown> & { errors?: { path: string }[] };

describe.each(['pglite', 'postgres'] as const)('write API on %s', (backend) => {
  let h: WriteApiHarness;
  const json = async (response: Response) => (await response.json()) as Json;
  // Counted directly: the global-log head can lag while other test files' transactions are open.
  const eventCount = async () =>
    Number((await h.sql.query<{ n: string }>('select count(*)::text as n from qm_events'))[0]!.n);

  beforeAll(async () => {
    h = await writeApiHarness(backend);
    expect((await h.post('/locations', { locationId: 'berlin', name: 'Berlin' })).status).toBe(201);
    const created = await h.post('/products', {
      productId: 'p1',
      sku: 'HAMMER-1',
      name: 'Hammer',
      brand: 'Acme',
      category: 'tools',
      price: { amount: 1299, currency: 'EUR' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"0"');
    expect(created.headers.get('qm-position')).toMatch(/^\d+:\d+$/);
    const received = await h.post('/stock/receipts', { sku: 'HAMMER-1', location: 'berlin', quantity: 3 });
    expect(received.status).toBe(200);
  });
  afterAll(() => h.dispose());

  it('places an order for the customer in the token, answering the payment and the consistency token', async () => {
    const response = await h.post(
      '/orders',
      { currency: 'EUR', lines: [{ productId: 'p1', quantity: 1 }], shippingAddress: address },
      customer,
    );
    expect(response.status).toBe(201);
    const body = await json(response);
    expect(body).toMatchObject({
      order: { customerId: 'cust-1', totals: { total: { amount: 1299 } } },
      payment: { provider: 'manual' },
    });
    expect(body.position).toMatch(/^\d+:\d+$/);
  });

  it('answers a shortage with 409 naming the SKU and what is available, and appends nothing', async () => {
    const before = await eventCount();
    const response = await h.post(
      '/orders',
      {
        orderId: 'short-1',
        currency: 'EUR',
        lines: [{ productId: 'p1', quantity: 50 }],
        shippingAddress: address,
      },
      customer,
    );
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await json(response)).toMatchObject({
      code: 'stock_shortage',
      details: { shortages: [{ sku: 'HAMMER-1', requested: 50, available: 2 }] },
    });
    expect(await h.store.readStream('order-short-1')).toEqual([]);
    expect(await eventCount()).toBe(before);
  });

  it('answers a SKU another product uses with 409 naming the SKU; of two racing creates one wins', async () => {
    const product = (productId: string, sku: string) => ({
      productId,
      sku,
      name: 'Saw',
      brand: 'Acme',
      category: 'tools',
      price: { amount: 999, currency: 'EUR' },
    });
    const before = await eventCount();
    const taken = await h.post('/products', product('p-dup', 'HAMMER-1'));
    expect(taken.status).toBe(409);
    expect(taken.headers.get('content-type')).toContain('application/problem+json');
    expect(await json(taken)).toMatchObject({
      code: 'sku_already_used',
      details: { sku: 'HAMMER-1', productId: 'p1' },
    });
    expect(await h.store.readStream('product-p-dup')).toEqual([]);
    expect(await eventCount()).toBe(before);

    const race = await Promise.all([
      h.post('/products', product('saw-a', 'SAW-1')),
      h.post('/products', product('saw-b', 'SAW-1')),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = await json(race.find((r) => r.status === 409)!);
    expect(loser).toMatchObject({ code: 'sku_already_used', details: { sku: 'SAW-1' } });
  });

  it.each([
    [
      'a zero quantity',
      { currency: 'EUR', lines: [{ productId: 'p1', quantity: 0 }], shippingAddress: address },
      'lines[0].quantity',
    ],
    ['no currency', { lines: [{ productId: 'p1', quantity: 1 }], shippingAddress: address }, 'currency'],
    [
      'a bad country',
      {
        currency: 'EUR',
        lines: [{ productId: 'p1', quantity: 1 }],
        shippingAddress: { ...address, country: 'Germany' },
      },
      'shippingAddress.country',
    ],
    ['no lines', { currency: 'EUR', lines: [], shippingAddress: address }, 'lines'],
  ])('refuses %s with 400 naming the field, appending nothing', async (_, body, field) => {
    const before = await eventCount();
    const response = await h.post('/orders', body, customer);
    expect(response.status).toBe(400);
    expect((await json(response)).errors?.map((e) => e.path)).toContain(field);
    expect(await eventCount()).toBe(before);
  });

  it('refuses a body that is not JSON with 400, never 500', async () => {
    const response = await h.post('/orders', '{"currency": "EUR", lines: ', customer);
    expect(response.status).toBe(400);
  });

  it('replays a retried POST with the same key and body, and refuses the key with another body', async () => {
    const body = { currency: 'EUR', lines: [{ productId: 'p1', quantity: 1 }], shippingAddress: address };
    const first = await h.post('/orders', body, customer, { 'idempotency-key': 'retry-1' });
    const again = await h.post('/orders', body, customer, { 'idempotency-key': 'retry-1' });
    expect(again.status).toBe(first.status);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const [a, b] = [await json(first), await json(again)];
    expect(b).toEqual(a);
    expect((await h.store.readStream(`order-${String(a.orderId)}`)).length).toBe(1);
    const other = await h.post('/orders', { ...body, lines: [{ productId: 'p1', quantity: 2 }] }, customer, {
      'idempotency-key': 'retry-1',
    });
    expect(other.status).toBe(422);
  });

  it('takes If-Match on admin edits: a stale revision is a 409, the current one answers a new ETag', async () => {
    const stale = await h.post(
      '/products/p1/price',
      { price: { amount: 1499, currency: 'EUR' }, reason: 'supplier' },
      undefined,
      { 'if-match': '"7"' },
    );
    expect(stale.status).toBe(409);
    const fresh = await h.post(
      '/products/p1/price',
      { price: { amount: 1499, currency: 'EUR' }, reason: 'supplier raised cost' },
      undefined,
      { 'if-match': '"0"' },
    );
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).toBe('"1"');
  });

  it('records who changed a price, when, from what, to what and why', async () => {
    const response = await h.post(
      '/products/p1/price',
      { price: { amount: 1399, currency: 'EUR' }, reason: 'black friday' },
      { role: 'admin', subject: 'admin-7' },
      { 'x-correlation-id': 'corr-42' },
    );
    expect(response.status).toBe(200);
    const [event] = await h.store.readStream('product-p1', { direction: 'backwards', maxCount: 1 });
    expect(event).toMatchObject({
      type: 'PriceChanged',
      data: { oldPrice: { amount: 1499 }, newPrice: { amount: 1399 }, reason: 'black friday' },
      metadata: {
        actor: { id: 'admin-7', role: 'admin' },
        correlationId: 'corr-42',
        occurredAt: h.clock.now().toISOString(),
      },
    });
  });

  it("lets a customer cancel their own order but not another's", async () => {
    const placed = await json(
      await h.post(
        '/orders',
        { currency: 'EUR', lines: [{ productId: 'p1', quantity: 1 }], shippingAddress: address },
        customer,
      ),
    );
    const path = `/orders/${String(placed.orderId)}/cancel`;
    expect((await h.post(path, {}, { role: 'customer', subject: 'cust-2' })).status).toBe(404);
    expect((await h.post(path, {}, customer)).status).toBe(200);
  });

  it('serves the OpenAPI document and its docs page', async () => {
    const doc = (await (await h.app.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/orders', '/products/{productId}/price', '/stock/transfers']),
    );
    const docs = await h.app.request('/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('openapi.json');
  });
});
