import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../infra/logging/logger.ts';
import { activePriceLists } from '../../ops/compose/automatic-promotions.ts';
import { parsePositionToken } from '../../ports/position.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { customerInGroups } from '../../test-support/customer-accounts.ts';
import { readApiHarness, type ReadApiHarness } from '../../test-support/read-api-harness.ts';
import { writeApiOver, type WriteApiHarness } from '../../test-support/write-api-harness.ts';

/**
 * Over HTTP, as `qm serve` wires it: staff keep a price list through the command API, the
 * promotions read model shows it (and gives the write side the active lists' ids), and
 * `POST /orders` by a customer of the list's group is priced from it.
 */
describe.each(['pglite', 'postgres'] as const)('price lists over HTTP on %s', (backend) => {
  let h: ReadApiHarness & WriteApiHarness;
  let ids: (() => Promise<readonly string[]>) | undefined;
  const admin = { role: 'admin' as const, subject: 'admin-1' };
  const staff = { role: 'staff' as const, subject: 'staff-1' };
  const bob = { role: 'customer' as const, subject: 'bob' };
  type Json = Record<string, unknown> & { errors?: { path: string }[] };
  const settle = async (response: Response) => {
    const token = response.headers.get('qm-position');
    if (token) await h.settle(parsePositionToken(token));
    return response;
  };

  beforeAll(async () => {
    const reader = await readApiHarness(backend, 'memory', {
      // The ids come from the read model over the harness's own database, which exists only now.
      activePriceListIds: () => ids!(),
    });
    ids = activePriceLists(reader.sql, createLogger('silent'));
    h = writeApiOver(reader);
    expect((await h.post('/locations', { locationId: 'berlin', name: 'Berlin' })).status).toBe(201);
    const mug = await h.post('/products', {
      productId: 'mug',
      sku: 'MUG',
      name: 'Mug',
      brand: 'Acme',
      category: 'kitchen',
      price: { amount: 1000, currency: 'EUR' },
    });
    expect(mug.status).toBe(201);
    expect((await h.post('/stock/receipts', { sku: 'MUG', location: 'berlin', quantity: 50 })).status).toBe(
      200,
    );
    await customerInGroups(h, 'bob', ['wholesale']);
  });
  afterAll(() => h?.close());

  it('creates a list once per Idempotency-Key, names the field of bad input, and keeps staff out', async () => {
    const body = {
      priceListId: 'wholesale-eur',
      name: 'Wholesale',
      currency: 'EUR',
      customerGroups: ['wholesale'],
    };
    const key = { 'idempotency-key': 'create-wholesale' };
    const first = await h.post('/price-lists', body, admin, key);
    expect(first.status).toBe(201);
    const again = await h.post('/price-lists', body, admin, key);
    expect(again.status).toBe(201);
    expect(await h.store.readStream('pricelist-wholesale-eur')).toHaveLength(1);

    const bad = await h.post('/price-lists', { ...body, priceListId: 'x', currency: 'euro' }, admin);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).errors?.map((e) => e.path)).toEqual(['currency']);
    const tiers = await h.post(
      '/price-lists/wholesale-eur/prices',
      { prices: [{ productId: 'mug', tiers: [{ minQuantity: 0, amount: 1 }] }] },
      admin,
    );
    expect(tiers.status).toBe(400);
    expect(((await tiers.json()) as Json).errors?.[0]?.path).toBe('prices[0].tiers[0].minQuantity');
    expect((await h.post('/price-lists/none/archive', {}, admin)).status).toBe(404);
    expect((await h.post('/price-lists', { ...body, priceListId: 'y' }, staff)).status).toBe(403);
  });

  it('prices POST /orders from the list the read model shows, by quantity tier', async () => {
    const set = await h.post(
      '/price-lists/wholesale-eur/prices',
      {
        prices: [
          {
            productId: 'mug',
            tiers: [
              { minQuantity: 1, amount: 800 },
              { minQuantity: 10, amount: 700 },
            ],
          },
        ],
      },
      admin,
    );
    expect(set.status).toBe(200);
    await settle(set);
    const view = await h.get('/staff/price-lists/wholesale-eur', { as: staff });
    expect(view.status).toBe(200);
    expect(await view.json()).toMatchObject({
      currency: 'EUR',
      customerGroups: ['wholesale'],
      products: 1,
      prices: [
        {
          productId: 'mug',
          tiers: [
            { minQuantity: 1, amount: 800 },
            { minQuantity: 10, amount: 700 },
          ],
        },
      ],
    });
    expect((await h.get('/staff/price-lists', { as: bob })).status).toBe(403);
    const listed = (await (await h.get('/staff/price-lists?currency=EUR', { as: staff })).json()) as {
      items: { priceListId: string }[];
    };
    expect(listed.items.map((l) => l.priceListId)).toEqual(['wholesale-eur']);

    // The ids are cached for two seconds: wait until the write side sees the list.
    await expect.poll(async () => ids!(), { timeout: 5000, interval: 200 }).toEqual(['wholesale-eur']);
    const order = await h.post(
      '/orders',
      { currency: 'EUR', lines: [{ productId: 'mug', quantity: 12 }], shippingAddress: berlinAddress },
      bob,
    );
    expect(order.status).toBe(201);
    expect(await order.json()).toMatchObject({
      order: { lines: [{ sku: 'MUG', unitPrice: { amount: 700 } }] },
    });
    const guest = await h.post(
      '/orders',
      { currency: 'EUR', lines: [{ productId: 'mug', quantity: 12 }], shippingAddress: berlinAddress },
      { role: 'customer', subject: 'amy' },
    );
    expect(await guest.json()).toMatchObject({ order: { lines: [{ unitPrice: { amount: 1000 } }] } });
  });
});
