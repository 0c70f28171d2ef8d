import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Position } from '../ports/position.ts';
import { positionToToken } from '../ports/position.ts';
import { readApiHarness, type CacheKind, type ReadApiHarness } from '../test-support/read-api-harness.ts';
import { berlinAddress } from '../test-support/addresses.ts';

const address = { ...berlinAddress, line1: 'Street 1' };

const catalog = [
  {
    id: 'iphone',
    name: 'iPhone 15',
    brand: 'Apple',
    category: 'phones',
    price: 99_900,
    color: 'black',
    stock: 5,
  },
  {
    id: 'galaxy',
    name: 'Galaxy S24',
    brand: 'Samsung',
    category: 'phones',
    price: 89_900,
    color: 'black',
    stock: 0,
  },
  {
    id: 'pixel',
    name: 'Pixel 8',
    brand: 'Google',
    category: 'phones',
    price: 69_900,
    color: 'white',
    stock: 3,
  },
  {
    id: 'hammer',
    name: 'Claw Hammer',
    brand: 'Acme',
    category: 'tools',
    price: 1_999,
    color: 'red',
    stock: 40,
  },
  { id: 'saw', name: 'Hand Saw', brand: 'Acme', category: 'tools', price: 2_499, color: 'red', stock: 12 },
  {
    id: 'case',
    name: 'iPhone Case',
    brand: 'Acme',
    category: 'accessories',
    price: 999,
    color: 'black',
    stock: 100,
  },
  { id: 'old', name: 'Old Phone', brand: 'Nokia', category: 'phones', price: 4_900, color: 'grey', stock: 1 },
];

type Json = Record<string, unknown>;
const json = async (response: Response) => (await response.json()) as Json;
const ids = (body: Json) => (body.items as { productId: string }[]).map((item) => item.productId);

const combos: [backend: 'pglite' | 'postgres', cache: CacheKind][] = [
  ['pglite', 'memory'],
  ['postgres', 'redis'],
];

describe.each(combos)('the read API on %s with the %s cache', (backend, cacheKind) => {
  let h: ReadApiHarness;
  let last: Position | null = null;
  const admin = () => h.context();
  const customer = (id: string) => h.context({ id, role: 'customer' });
  const track = <T extends { position: Position | null }>(result: T): T => {
    if (result.position) last = result.position;
    return result;
  };

  beforeAll(async () => {
    h = await readApiHarness(backend, cacheKind);
    for (const location of ['berlin', 'hamburg']) {
      track(await h.handlers.createLocation(location, `${location} warehouse`, admin()));
    }
    for (const p of catalog) {
      h.clock.advance(1_000);
      track(
        await h.handlers.createProduct(
          {
            productId: p.id,
            sku: p.id.toUpperCase(),
            name: p.name,
            description: `${p.name} by ${p.brand}`,
            brand: p.brand,
            category: p.category,
            attributes: { color: p.color },
            allowBackorder: false,
            price: { amount: p.price, currency: 'EUR' },
          },
          admin(),
        ),
      );
      if (p.stock > 0) {
        track(
          await h.handlers.receiveStock(
            { sku: p.id.toUpperCase(), location: 'berlin', quantity: p.stock, reference: null },
            admin(),
          ),
        );
      }
    }
    track(
      await h.handlers.receiveStock(
        { sku: 'IPHONE', location: 'hamburg', quantity: 2, reference: null },
        admin(),
      ),
    );
    track(await h.handlers.discontinueProduct('old', 'end of line', admin()));
    track(await h.handlers.changePrice('hammer', { amount: 1_499, currency: 'EUR' }, 'spring sale', admin()));
    track(await h.handlers.setLowStockThreshold({ sku: 'PIXEL', location: 'berlin', threshold: 5 }, admin()));
    for (const [orderId, customerId] of [
      ['o-ada-1', 'ada'],
      ['o-ada-2', 'ada'],
      ['o-bob-1', 'bob'],
    ] as const) {
      track(
        await h.handlers.placeOrder(
          {
            orderId,
            customerId,
            currency: 'EUR',
            lines: [{ productId: 'hammer', quantity: 1 }],
            shippingAddress: address,
          },
          customer(customerId),
        ),
      );
      h.clock.advance(60_000);
    }
    await h.settle(last);
  });
  afterAll(async () => h?.close());

  describe('product list', () => {
    it('filters by category, brand, price range, attributes and stock', async () => {
      expect(ids(await json(await h.get('/products?category=phones&sort=price')))).toEqual([
        'pixel',
        'galaxy',
        'iphone',
      ]);
      expect(ids(await json(await h.get('/products?brand=Acme,Google&sort=price')))).toEqual([
        'case',
        'hammer',
        'saw',
        'pixel',
      ]);
      expect(ids(await json(await h.get('/products?minPrice=1000&maxPrice=2500&sort=price')))).toEqual([
        'hammer',
        'saw',
      ]);
      expect(ids(await json(await h.get('/products?attr=color:black&inStock=true&sort=price')))).toEqual([
        'case',
        'iphone',
      ]);
      expect(ids(await json(await h.get('/products?inStock=false')))).toEqual(['galaxy']);
      // By SKU: how the dashboard finds the product of a line added to an order.
      expect(ids(await json(await h.get('/products?sku=SAW')))).toEqual(['saw']);
      expect(ids(await json(await h.get('/products?sku=NOTHING')))).toEqual([]);
    });

    it('sorts by price both ways, by name and by newest, never listing discontinued products', async () => {
      const byPrice = ids(await json(await h.get('/products?sort=price&limit=100')));
      expect(byPrice).toEqual(['case', 'hammer', 'saw', 'pixel', 'galaxy', 'iphone']);
      expect(ids(await json(await h.get('/products?sort=-price&limit=100')))).toEqual([...byPrice].reverse());
      // Names that sort alike in every collation (the database's decides the rest).
      expect(ids(await json(await h.get('/products?brand=Acme&sort=name')))).toEqual([
        'hammer',
        'saw',
        'case',
      ]);
      expect(ids(await json(await h.get('/products?brand=Acme&sort=-name')))).toEqual([
        'case',
        'saw',
        'hammer',
      ]);
      expect(ids(await json(await h.get('/products?sort=newest')))[0]).toBe('case');
    });

    it('pages by keyset with an opaque cursor, each product once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const body = await json(await h.get(`/products?sort=-price&limit=4${query}`));
        seen.push(...ids(body));
        cursor = body.nextCursor as string | null;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(2);
      expect(seen).toEqual(['iphone', 'galaxy', 'pixel', 'saw', 'hammer', 'case']);
    });

    it('answers bad filters, sorts and cursors with a 400 naming the field', async () => {
      const cases: [string, string][] = [
        ['/products?minPrice=abc', 'query.minPrice'],
        ['/products?minPrice=10&maxPrice=5', 'query.maxPrice'],
        ['/products?attr=nocolon', 'query.attr'],
        ['/products?attr=color:black&attr=color:white', 'query.attr'],
        ['/products?sort=random', 'query.sort'],
        ['/products?limit=0', 'query.limit'],
        ['/products?inStock=maybe', 'query.inStock'],
        ['/products?cursor=not-a-cursor', 'query.cursor'],
      ];
      for (const [path, field] of cases) {
        const response = await h.get(path);
        expect(response.status, path).toBe(400);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect((await json(response)).errors).toEqual([expect.objectContaining({ path: field })]);
      }
      const first = await json(await h.get('/products?sort=price&limit=2'));
      const wrongSort = await h.get(`/products?sort=name&cursor=${first.nextCursor as string}`);
      expect(wrongSort.status).toBe(400);
      expect((await json(wrongSort)).errors).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
    });
  });

  describe('search', () => {
    it('finds "iphnoe" (typo) and ranks the iPhone first', async () => {
      const body = await json(await h.get('/search?q=iphnoe'));
      const found = ids(body);
      expect(found[0]).toBe('iphone');
      expect(found).toContain('case');
      expect(found).not.toContain('hammer');
    });

    it('counts facets over the whole filtered result set', async () => {
      const body = await json(await h.get('/search?q=phone&limit=1'));
      expect(body.total).toBe(2);
      expect(ids(body)).toHaveLength(1);
      expect(body.facets).toEqual({
        category: [
          { value: 'accessories', count: 1 },
          { value: 'phones', count: 1 },
        ],
        brand: [
          { value: 'Acme', count: 1 },
          { value: 'Apple', count: 1 },
        ],
        price: [
          { from: 0, to: 1_000, count: 1 },
          { from: 50_000, to: null, count: 1 },
        ],
        attributes: { color: [{ value: 'black', count: 2 }] },
      });
      const next = await json(await h.get(`/search?q=phone&limit=1&cursor=${body.nextCursor as string}`));
      expect([...ids(body), ...ids(next)].sort()).toEqual(['case', 'iphone']);
      expect(next.nextCursor).toBeNull();

      const tools = await json(await h.get('/search?q=acme&category=tools'));
      expect(ids(tools).sort()).toEqual(['hammer', 'saw']);
      expect(tools.facets).toMatchObject({ category: [{ value: 'tools', count: 2 }] });
    });

    it('answers an empty query with a 400 naming q', async () => {
      const response = await h.get('/search?q=%20');
      expect(response.status).toBe(400);
      expect((await json(response)).errors).toEqual([expect.objectContaining({ path: 'query.q' })]);
    });
  });

  describe('product detail', () => {
    it('shows price history, the lowest price of 30 days and availability per location', async () => {
      const hammer = await json(await h.get('/products/hammer'));
      expect(hammer).toMatchObject({
        productId: 'hammer',
        price: { amount: 1_499, currency: 'EUR' },
        lowestPrice30d: { amount: 1_999, currency: 'EUR' },
        priceHistory: [
          { kind: 'created', newAmount: 1_999 },
          { kind: 'changed', oldAmount: 1_999, newAmount: 1_499, reason: 'spring sale' },
        ],
      });
      const iphone = await json(await h.get('/products/iphone'));
      expect(iphone.availability).toEqual({
        locations: [
          expect.objectContaining({ location: 'berlin', locationName: 'berlin warehouse', available: 5 }),
          expect.objectContaining({ location: 'hamburg', available: 2 }),
        ],
        total: { onHand: 7, reserved: 0, available: 7, backordered: 0 },
      });
    });

    it('answers 404 for an unknown product and 400 for a malformed id', async () => {
      const missing = await h.get('/products/nope');
      expect(missing.status).toBe(404);
      expect(await json(missing)).toMatchObject({ code: 'not_found' });
      const bad = await h.get('/products/bad%20id');
      expect(bad.status).toBe(400);
      expect((await json(bad)).errors).toEqual([expect.objectContaining({ path: 'param.productId' })]);
    });

    it('serves repeated reads from the cache and counts hits and misses', async () => {
      const first = await h.get('/products/saw');
      const second = await h.get('/products/saw');
      expect(first.headers.get('x-cache')).toBe('miss');
      expect(second.headers.get('x-cache')).toBe('hit');
      expect(await second.text()).toBe(await first.text());
      const metrics = await h.metrics.getMetricsAsJSON();
      const hits = metrics.find((metric) => metric.name === 'qm_read_cache_hits_total');
      expect(hits?.values.find((value) => value.labels.kind === 'product')?.value).toBeGreaterThan(0);
      expect(metrics.find((metric) => metric.name === 'qm_read_cache_hit_ratio')).toBeDefined();
    });

    it('shows a price change on the next read after its projection (event-driven invalidation)', async () => {
      expect((await json(await h.get('/products/saw'))).price).toEqual({ amount: 2_499, currency: 'EUR' });
      expect(ids(await json(await h.get('/search?q=saw')))[0]).toBe('saw');
      const change = await h.handlers.changePrice(
        'saw',
        { amount: 2_199, currency: 'EUR' },
        'promo',
        admin(),
      );
      await h.settle(change.position);
      const after = await h.get('/products/saw');
      expect(after.headers.get('x-cache')).toBe('miss');
      expect((await json(after)).price).toEqual({ amount: 2_199, currency: 'EUR' });
      const search = await json(await h.get('/search?q=saw'));
      expect((search.items as { price: unknown }[])[0]!.price).toEqual({ amount: 2_199, currency: 'EUR' });
    });
  });

  describe('read your writes', () => {
    it('never serves a cached price older than the consistency token, even without invalidation', async () => {
      // Another process's read side: its cache hears nothing from the projectors.
      const deaf = await h.openReadSide({});
      const read = (headers: Record<string, string> = {}) => h.get('/products/pixel', { api: deaf, headers });
      expect((await json(await read())).price).toEqual({ amount: 69_900, currency: 'EUR' });
      const change = await h.handlers.changePrice(
        'pixel',
        { amount: 64_900, currency: 'EUR' },
        'promo',
        admin(),
      );
      const token = positionToToken(change.position!);
      await h.settle(change.position);
      // Without the token the stale entry is still served: that is what the token is for.
      const cached = await read();
      expect(cached.headers.get('x-cache')).toBe('hit');
      expect((await json(cached)).price).toEqual({ amount: 69_900, currency: 'EUR' });
      const fresh = await read({ 'x-consistency-token': token });
      expect(fresh.headers.get('x-cache')).toBe('miss');
      expect(fresh.headers.get('x-stale')).toBeNull();
      expect((await json(fresh)).price).toEqual({ amount: 64_900, currency: 'EUR' });
      // The fresh answer replaced the old entry; the query form of the token works the same.
      const again = await h.get(`/products/pixel?after=${token}`, { api: deaf });
      expect(again.headers.get('x-cache')).toBe('hit');
      expect((await json(again)).price).toEqual({ amount: 64_900, currency: 'EUR' });
    });

    it('waits for the projection to pass the token before answering', async () => {
      const change = await h.handlers.updateProduct('case', { name: 'iPhone Case Pro' }, admin());
      const response = await h.get('/products/case', {
        headers: { 'x-consistency-token': positionToToken(change.position!) },
      });
      expect(response.headers.get('x-stale')).toBeNull();
      expect((await json(response)).name).toBe('iPhone Case Pro');
    });

    // Stale answers (200 and 404) need a projector held back: read-api/http/consistency.int.test.ts.
    it('refuses a token beyond the log head with a 400 naming it', async () => {
      const far = positionToToken({ commit: 2n ** 62n, prepare: 0n });
      const response = await h.get('/products/iphone', { headers: { 'x-consistency-token': far } });
      expect(response.status).toBe(400);
      expect(await json(response)).toMatchObject({ code: 'consistency_token_ahead', token: far });
      const orders = await h.get(`/me/orders?after=${far}`, { as: { role: 'customer', subject: 'ada' } });
      expect(orders.status).toBe(400);
    });

    it('answers a malformed token with a 400 naming where it came from', async () => {
      const header = await h.get('/products/iphone', { headers: { 'x-consistency-token': 'yesterday' } });
      expect(header.status).toBe(400);
      expect((await json(header)).errors).toEqual([
        expect.objectContaining({ path: 'header.x-consistency-token' }),
      ]);
      const query = await h.get('/products?after=12');
      expect(query.status).toBe(400);
      expect((await json(query)).errors).toEqual([expect.objectContaining({ path: 'query.after' })]);
    });
  });

  describe('orders', () => {
    it('shows an order and its timeline to its owner and to staff, as missing to anyone else', async () => {
      const own = await h.get('/orders/o-ada-1', { as: { role: 'customer', subject: 'ada' } });
      expect(own.status).toBe(200);
      const order = await json(own);
      expect(order).toMatchObject({ orderId: 'o-ada-1', customerId: 'ada', lines: [{ sku: 'HAMMER' }] });
      expect((order.timeline as { type: string }[]).map((entry) => entry.type)).toContain('OrderPlaced');
      expect((await h.get('/orders/o-ada-1', { as: { role: 'staff', subject: 's-1' } })).status).toBe(200);
      const other = await h.get('/orders/o-ada-1', { as: { role: 'customer', subject: 'bob' } });
      expect(other.status).toBe(404);
      const missing = await h.get('/orders/o-none', { as: { role: 'customer', subject: 'bob' } });
      expect(await other.json()).toMatchObject({ code: (await json(missing)).code });
      expect((await h.get('/orders/o-none', { as: { role: 'admin', subject: 'a-1' } })).status).toBe(404);
      const anonymous = await h.get('/orders/o-ada-1');
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
      expect((await h.get('/orders/o-ada-1', { headers: { authorization: 'Bearer forged' } })).status).toBe(
        401,
      );
    });

    it("lists only the caller's own orders, newest first, by keyset", async () => {
      const first = await json(
        await h.get('/me/orders?limit=1', { as: { role: 'customer', subject: 'ada' } }),
      );
      const items = first.items as { orderId: string }[];
      expect(items.map((o) => o.orderId)).toEqual(['o-ada-2']);
      const second = await json(
        await h.get(`/me/orders?limit=1&cursor=${first.nextCursor as string}`, {
          as: { role: 'customer', subject: 'ada' },
        }),
      );
      expect((second.items as { orderId: string }[]).map((o) => o.orderId)).toEqual(['o-ada-1']);
      expect(second.nextCursor).toBeNull();
      const bob = await json(await h.get('/me/orders', { as: { role: 'customer', subject: 'bob' } }));
      expect((bob.items as { orderId: string }[]).map((o) => o.orderId)).toEqual(['o-bob-1']);
    });
  });

  describe('staff and admin', () => {
    it('lists low stock for staff only', async () => {
      const response = await h.get('/staff/low-stock', { as: { role: 'staff', subject: 's-1' } });
      expect(response.status).toBe(200);
      expect((await json(response)).items).toEqual([
        expect.objectContaining({ sku: 'PIXEL', location: 'berlin', available: 3, lowStockThreshold: 5 }),
      ]);
      expect((await h.get('/staff/low-stock', { as: { role: 'customer', subject: 'ada' } })).status).toBe(
        403,
      );
    });

    it('refuses audit queries to customers and bad time ranges with a 400', async () => {
      expect((await h.get('/staff/audit', { as: { role: 'customer', subject: 'ada' } })).status).toBe(403);
      const bad = await h.get('/staff/audit?from=yesterday', { as: { role: 'staff', subject: 's-1' } });
      expect(bad.status).toBe(400);
      expect((await json(bad)).errors).toEqual([expect.objectContaining({ path: 'query.from' })]);
      const crossed = await h.get('/staff/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', {
        as: { role: 'staff', subject: 's-1' },
      });
      expect((await json(crossed)).errors).toEqual([expect.objectContaining({ path: 'query.to' })]);
    });

    it("shows admins every projector's position and lag", async () => {
      const response = await h.get('/admin/projections', { as: { role: 'admin', subject: 'a-1' } });
      expect(response.status).toBe(200);
      const status = await json(response);
      expect((status.projectors as { name: string }[]).map((p) => p.name).sort()).toEqual([
        'carts',
        'catalog',
        'inventory',
        'orders',
        'promotions',
      ]);
      expect((await h.get('/admin/projections', { as: { role: 'staff', subject: 's-1' } })).status).toBe(403);
    });
  });

  it('serves its OpenAPI document, listing every read route', async () => {
    const document = await json(await h.get('/openapi.json'));
    expect(Object.keys(document.paths as object)).toEqual(
      expect.arrayContaining([
        '/products',
        '/search',
        '/products/{productId}',
        '/orders/{orderId}',
        '/me/orders',
        '/staff/low-stock',
        '/staff/audit',
        '/admin/projections',
      ]),
    );
    // Routes served by lightRoute document their inputs as app.openapi routes do.
    const detail = (
      document.paths as Record<string, { get: { parameters: { name: string; in: string }[] } }>
    )['/products/{productId}']!.get;
    expect(detail.parameters.map((p) => `${p.in}.${p.name}`)).toEqual(
      expect.arrayContaining(['path.productId', 'query.after', 'header.x-consistency-token']),
    );
    expect((await h.get('/nowhere')).status).toBe(404);
  });
});
