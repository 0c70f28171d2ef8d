import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeApiHarness, type WriteApiHarness } from '../../test-support/write-api-harness.ts';

const address = { name: 'Ada', line1: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'DE' };
const customer = { role: 'customer' as const, subject: 'cust-1' };
type Json = Record<string, unknown> & { errors?: { path: string }[] };

describe.each(['pglite', 'postgres'] as const)('shipping, tax and quotes over HTTP on %s', (backend) => {
  let h: WriteApiHarness;
  const json = async (response: Response) => (await response.json()) as Json;
  const eventCount = async () =>
    Number((await h.sql.query<{ n: string }>('select count(*)::text as n from qm_events'))[0]!.n);
  const get = async (path: string, as: typeof customer | null = customer) =>
    h.app.request(path, {
      headers: as ? { authorization: `Bearer ${await h.token(as.role, as.subject)}` } : {},
    });

  beforeAll(async () => {
    h = await writeApiHarness(backend);
    expect((await h.post('/locations', { locationId: 'berlin', name: 'Berlin' })).status).toBe(201);
    const created = await h.post('/products', {
      productId: 'p1',
      sku: 'LAMP-1',
      name: 'Lamp',
      brand: 'Acme',
      category: 'lighting',
      attributes: { weightGrams: '1500' },
      price: { amount: 11_900, currency: 'EUR' },
    });
    expect(created.status).toBe(201);
    expect((await h.post('/stock/receipts', { sku: 'LAMP-1', location: 'berlin', quantity: 9 })).status).toBe(
      200,
    );
    const zone = await h.post('/shipping/zones', {
      zoneId: 'de',
      name: 'Germany',
      countries: ['DE'],
      methods: [
        {
          methodId: 'de-standard',
          name: 'Standard',
          currency: 'EUR',
          rate: {
            kind: 'weight',
            bands: [
              { upTo: 1000, amount: 490 },
              { upTo: null, amount: 990 },
            ],
          },
          minDays: 2,
          maxDays: 4,
        },
        {
          methodId: 'de-express',
          name: 'Express',
          currency: 'EUR',
          rate: { kind: 'flat', amount: 1900 },
          minDays: 1,
          maxDays: 1,
        },
      ],
    });
    expect(zone.status, JSON.stringify(await zone.clone().json())).toBe(200);
    const vat = await h.post('/tax/regions', {
      regionId: 'de',
      country: 'DE',
      pricesIncludeTax: true,
      ratesBps: { standard: 1900, reduced: 700 },
      shippingTaxClass: 'standard',
    });
    expect(vat.status).toBe(200);
  });
  afterAll(() => h?.dispose());

  it('lists the methods for an address and lines, with fee and delivery estimate, cheapest first', async () => {
    const response = await get('/shipping/options?currency=EUR&country=DE&postalCode=10115&lines=p1*1');
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({
      options: [
        {
          methodId: 'de-standard',
          zoneId: 'de',
          name: 'Standard',
          fee: { amount: 990, currency: 'EUR' },
          minDays: 2,
          maxDays: 4,
        },
        {
          methodId: 'de-express',
          zoneId: 'de',
          name: 'Express',
          fee: { amount: 1900, currency: 'EUR' },
          minDays: 1,
          maxDays: 1,
        },
      ],
    });
    expect((await get('/shipping/options?currency=EUR&country=FR&postalCode=75001&lines=p1*1')).status).toBe(
      200,
    );
    expect((await get('/shipping/options?currency=EUR&country=DE&postalCode=10115&lines=p1')).status).toBe(
      400,
    );
    expect(
      (await get('/shipping/options?currency=EUR&country=DE&postalCode=10115&lines=p1*1', null)).status,
    ).toBe(401);
  });

  it('quotes what an order would cost, appending nothing', async () => {
    const before = await eventCount();
    const response = await h.post(
      '/pricing/quote',
      {
        currency: 'EUR',
        lines: [{ productId: 'p1', quantity: 2 }],
        shippingAddress: address,
        shippingMethodId: 'de-express',
      },
      customer,
    );
    expect(response.status).toBe(200);
    // Prices include 19 % VAT: 23 800 holds 3800, the 1900 express fee holds 303.36 → 303.
    expect(await json(response)).toMatchObject({
      subtotal: { amount: 23_800 },
      shipping: { amount: 1900 },
      tax: { amount: 0 },
      total: { amount: 25_700 },
      taxDetail: { known: true, included: true, total: { amount: 4103 } },
      pending: [],
    });
    expect(await eventCount()).toBe(before);
  });

  it('refuses a client shipping fee with a 400 naming it, appending nothing, and prices the method itself', async () => {
    const before = await eventCount();
    const refused = await h.post(
      '/orders',
      {
        currency: 'EUR',
        lines: [{ productId: 'p1', quantity: 1 }],
        shippingAddress: address,
        shippingMethodId: 'de-standard',
        shippingFee: { amount: 0, currency: 'EUR' },
      },
      customer,
    );
    expect(refused.status).toBe(400);
    expect((await json(refused)).errors?.map((e) => e.path)).toEqual(['shippingFee']);
    expect(await eventCount()).toBe(before);

    const placed = await h.post(
      '/orders',
      {
        currency: 'EUR',
        lines: [{ productId: 'p1', quantity: 1 }],
        shippingAddress: address,
        shippingMethodId: 'de-standard',
      },
      customer,
    );
    expect(placed.status).toBe(201);
    expect((await json(placed)).order).toMatchObject({
      totals: {
        subtotal: { amount: 11_900 },
        shipping: { amount: 990 },
        tax: { amount: 0 },
        total: { amount: 12_890 },
      },
    });
    const missing = await h.post(
      '/orders',
      { currency: 'EUR', lines: [{ productId: 'p1', quantity: 1 }], shippingAddress: address },
      customer,
    );
    expect(missing.status).toBe(400);
    expect((await json(missing)).errors?.map((e) => e.path)).toEqual(['shippingMethodId']);
  });

  it('lets only holders of shipping:write and tax:write change the configuration', async () => {
    const asStaff = { role: 'staff' as const, subject: 'staff-1' };
    expect((await h.post('/tax/rounding', { rounding: 'total' }, asStaff)).status).toBe(403);
    expect((await h.post('/shipping/zones/de/remove', {}, customer)).status).toBe(403);
    expect((await h.post('/tax/rounding', { rounding: 'total' })).status).toBe(200);
  });
});
