import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readApiHarness, type ReadApiHarness } from '../../test-support/read-api-harness.ts';
import { berlinAddress } from '../../test-support/addresses.ts';

type Page = { items: Record<string, unknown>[]; nextCursor: string | null };

/** The staff listings the dashboard pages through: every order (filtered) and every stock level. */
describe('staff order search and stock levels on the read API', () => {
  let h: ReadApiHarness;
  const get = async (path: string, role: 'admin' | 'staff' | 'customer' = 'staff') => {
    const answer = await h.get(path, { as: { role, subject: `${role}-1` } });
    return { status: answer.status, body: (await answer.json()) as Page };
  };
  const ids = (page: Page) => page.items.map((item) => item.orderId);

  beforeAll(async () => {
    h = await readApiHarness('pglite', 'memory');
    const admin = h.context();
    for (const [id, name] of [
      ['berlin', 'Berlin'],
      ['hamburg', 'Hamburg'],
    ] as const)
      await h.handlers.createLocation(id, name, admin);
    for (const [productId, sku, price] of [
      ['p-lamp', 'LAMP', 2500],
      ['p-sofa', 'SOFA', 90000],
    ] as const) {
      await h.handlers.createProduct(
        {
          productId,
          sku,
          name: sku,
          description: sku,
          brand: 'Acme',
          category: 'home',
          attributes: {},
          allowBackorder: false,
          price: { amount: price, currency: 'EUR' },
        },
        admin,
      );
    }
    await h.handlers.receiveStock({ sku: 'LAMP', location: 'berlin', quantity: 50, reference: null }, admin);
    await h.handlers.receiveStock({ sku: 'LAMP', location: 'hamburg', quantity: 3, reference: null }, admin);
    await h.handlers.receiveStock({ sku: 'SOFA', location: 'berlin', quantity: 5, reference: null }, admin);
    await h.handlers.setLowStockThreshold({ sku: 'LAMP', location: 'hamburg', threshold: 5 }, admin);
    const place = (orderId: string, customerId: string, productId: string, quantity: number) =>
      h.handlers.placeOrder(
        {
          orderId,
          customerId,
          currency: 'EUR',
          lines: [{ productId, quantity }],
          shippingAddress: berlinAddress,
        },
        h.context({ id: customerId, role: 'customer' }),
      );
    await place('o-1', 'c-1', 'p-lamp', 1);
    await place('o-2', 'c-2', 'p-sofa', 1);
    await place('o-3', 'c-1', 'p-lamp', 4);
    const last = await h.handlers.cancelOrder(
      { orderId: 'o-2', reason: 'requested', note: null },
      h.context({ id: 'c-2', role: 'customer' }),
    );
    await h.settle(last.position);
  });
  afterAll(async () => h?.close());

  it('lists every order newest first, narrowed by customer, status and total, in keyset pages', async () => {
    expect(ids((await get('/staff/orders')).body)).toEqual(['o-3', 'o-2', 'o-1']);
    expect(ids((await get('/staff/orders?customer=c-1')).body)).toEqual(['o-3', 'o-1']);
    expect(ids((await get('/staff/orders?status=cancelled')).body)).toEqual(['o-2']);
    // The sofa's 900.00 is above, the single lamp's 25.00 below.
    expect(ids((await get('/staff/orders?minTotal=5000&maxTotal=20000')).body)).toEqual(['o-3']);
    expect(ids((await get('/staff/orders?from=2000-01-01T00:00:00Z&to=2001-01-01T00:00:00Z')).body)).toEqual(
      [],
    );

    const first = (await get('/staff/orders?limit=2')).body;
    expect(ids(first)).toEqual(['o-3', 'o-2']);
    expect(first.nextCursor).not.toBeNull();
    const second = (await get(`/staff/orders?limit=2&cursor=${first.nextCursor}`)).body;
    expect(ids(second)).toEqual(['o-1']);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses customers and names the faulty filter', async () => {
    expect((await get('/staff/orders', 'customer')).status).toBe(403);
    for (const [query, field] of [
      ['status=lost', 'query.status'],
      ['minTotal=9&maxTotal=1', 'query.maxTotal'],
      ['minTotal=1.5', 'query.minTotal'],
      ['from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z', 'query.to'],
    ]) {
      const bad = await h.get(`/staff/orders?${query}`, { as: { role: 'admin', subject: 'admin-1' } });
      expect(bad.status).toBe(400);
      const paths = ((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
      expect(paths).toContain(field);
    }
    expect((await get('/staff/orders?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
  });

  it('lists stock per SKU and location, low only on request, in keyset pages', async () => {
    const all = (await get('/staff/stock-levels')).body;
    expect(all.items.map((level) => [level.sku, level.location])).toEqual([
      ['LAMP', 'berlin'],
      ['LAMP', 'hamburg'],
      ['SOFA', 'berlin'],
    ]);
    // 53 lamps received, 5 reserved (wherever the allocation took them); the sofa's order was cancelled.
    const available = (sku: string) =>
      all.items.filter((level) => level.sku === sku).reduce((sum, level) => sum + Number(level.available), 0);
    expect([available('LAMP'), available('SOFA')]).toEqual([48, 5]);
    const low = (await get('/staff/stock-levels?low=true')).body;
    expect(low.items).toEqual([
      expect.objectContaining({ sku: 'LAMP', location: 'hamburg', lowStock: true }),
    ]);
    expect((await get('/staff/stock-levels?location=hamburg')).body.items).toHaveLength(1);
    const first = (await get('/staff/stock-levels?limit=2')).body;
    const second = (await get(`/staff/stock-levels?limit=2&cursor=${first.nextCursor}`)).body;
    expect(second.items.map((level) => level.sku)).toEqual(['SOFA']);
    expect((await get('/staff/stock-levels', 'customer')).status).toBe(403);
  });
});
