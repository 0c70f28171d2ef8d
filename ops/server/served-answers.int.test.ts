import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_CONTENT_TYPE } from '../../infra/http/problem.ts';
import { eventLogHead } from '../../test-support/event-log-head.ts';
import { requestStringsWithoutCheck } from '../../test-support/request-schema-strings.ts';
import { servedApis, type ServedApis } from '../../test-support/served-apis.ts';

type Problem = { status: number; code: string; errors?: { path: string }[] };

/**
 * What a client meets on each port of `qm serve` for input the store cannot hold and for requests
 * nothing answers: a problem+json 4xx, never a 500 or a bare text answer, and no event appended.
 */
describe('bad input and unmatched requests, as served', () => {
  let apis: ServedApis;
  const product = {
    productId: 'p-1',
    sku: 'SKU-1',
    name: 'Hammer',
    description: 'A hammer',
    brand: 'Acme',
    category: 'tools',
    attributes: { color: 'red' },
    price: { amount: 1299, currency: 'EUR' },
  };

  const problem = async (response: Response, status: number): Promise<Problem> => {
    expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    const body = (await response.json()) as Problem;
    expect(response.status, JSON.stringify(body)).toBe(status);
    return body;
  };
  const post = (path: string, body: unknown) =>
    apis.write.request(path, {
      method: 'POST',
      headers: {
        authorization: apis.adminAuth.write,
        'content-type': 'application/json',
        'idempotency-key': crypto.randomUUID(),
      },
      body: JSON.stringify(body),
    });
  const get = (path: string) => apis.read.request(path, { headers: { authorization: apis.adminAuth.read } });

  beforeAll(async () => {
    apis = await servedApis('pglite');
    expect((await post('/locations', { locationId: 'berlin', name: 'Berlin' })).status).toBe(201);
    expect((await post('/products', product)).status).toBe(201);
  });
  afterAll(() => apis.close());

  describe.each([
    ['NUL', '\u0000'],
    ['a lone surrogate', '\ud800'],
  ])('%s in a string of the command API', (_name, bad) => {
    it.each([
      [
        'product name',
        '/products',
        { ...product, productId: 'p-2', sku: 'SKU-2', name: `Ham${bad}mer` },
        'name',
      ],
      [
        'description',
        '/products',
        { ...product, productId: 'p-2', sku: 'SKU-2', description: bad },
        'description',
      ],
      ['brand', '/products', { ...product, productId: 'p-2', sku: 'SKU-2', brand: `A${bad}` }, 'brand'],
      ['category', '/products', { ...product, productId: 'p-2', sku: 'SKU-2', category: bad }, 'category'],
      [
        'attribute value',
        '/products',
        { ...product, productId: 'p-2', sku: 'SKU-2', attributes: { c: bad } },
        'attributes.c',
      ],
      ['changed name', '/products/p-1/update', { changes: { name: bad } }, 'changes.name'],
      [
        'price-change reason',
        '/products/p-1/price',
        { price: { amount: 1, currency: 'EUR' }, reason: bad },
        'reason',
      ],
      ['discontinue reason', '/products/p-1/discontinue', { reason: `x${bad}` }, 'reason'],
      ['location name', '/locations', { locationId: 'hamburg', name: `Ham${bad}burg` }, 'name'],
      ['location rename', '/locations/berlin/rename', { name: bad }, 'name'],
    ])('%s: a 400 naming the field, nothing appended', async (_field, path, body, field) => {
      const before = await eventLogHead(apis.harness.store, apis.harness.sql);
      const answer = await problem(await post(path, body), 400);
      expect(answer).toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ path: field })],
      });
      expect(await eventLogHead(apis.harness.store, apis.harness.sql)).toBe(before);
    });

    it('in an attribute name (a JSON key): a 400 naming the key, escaped', async () => {
      const answer = await problem(
        await post('/products', {
          ...product,
          productId: 'p-3',
          sku: 'SKU-3',
          attributes: { [`c${bad}`]: 'x' },
        }),
        400,
      );
      expect(answer.errors?.[0]?.path).toBe(`attributes.${JSON.stringify(`c${bad}`)}`);
    });
  });

  it.each([
    ['/products?brand=%00', 'query.brand'],
    ['/products?category=a%00b', 'query.category'],
    ['/search?q=%00', 'query.q'],
    ['/search?q=hammer&attr=color:%00', 'query.attr'],
    ['/staff/audit?entityId=%00', 'query.entityId'],
    ['/products/p%00', 'param.productId'],
  ])('the read API answers %s with a 400 naming %s', async (path, field) => {
    const answer = await problem(await get(path), 400);
    expect(answer).toMatchObject({ code: 'validation_failed', errors: [{ path: field }] });
  });

  it('refuses a forged cursor whose keyset holds a NUL, naming query.cursor', async () => {
    const forged = Buffer.from(JSON.stringify({ s: 'newest', v: 'x', id: '\u0000' })).toString('base64url');
    const answer = await problem(await get(`/products?cursor=${forged}`), 400);
    expect(answer.errors).toEqual([{ path: 'query.cursor', message: expect.any(String) }]);
  });

  it.each([
    [
      'command',
      () => apis.write.request('/no/such/route', { headers: { authorization: apis.adminAuth.write } }),
    ],
    ['read', () => get('/no/such/route')],
  ])('the %s port answers an unknown path with a 404 problem', async (_port, send) => {
    expect(await problem(await send(), 404)).toMatchObject({ code: 'route_not_found' });
  });

  it('answers a known path with the wrong method with a 405 problem and Allow', async () => {
    const onWrite = await apis.write.request('/products', {
      headers: { authorization: apis.adminAuth.write },
    });
    expect(onWrite.headers.get('allow')).toBe('POST');
    expect(await problem(onWrite, 405)).toMatchObject({ code: 'method_not_allowed' });
    const onRead = await apis.read.request('/products', { method: 'DELETE' });
    expect(onRead.headers.get('allow')).toBe('GET, HEAD');
    expect(await problem(onRead, 405)).toMatchObject({ code: 'method_not_allowed' });
    const onHealth = await apis.read.request('/health', { method: 'POST' });
    expect(await problem(onHealth, 405)).toMatchObject({ allowed: ['GET', 'HEAD'] });
  });

  it('answers the Stripe webhook without Stripe configured with a 404 problem saying so', async () => {
    const answer = await apis.write.request('/webhooks/stripe', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=x' },
      body: '{"id":"evt_1"}',
    });
    expect(await problem(answer, 404)).toMatchObject({ code: 'stripe_not_configured' });
  });

  it('builds every string a request of either API carries on Text, which refuses what PostgreSQL cannot store', () => {
    // The walk found the routes at all: a broken walk must not pass by finding nothing.
    expect(apis.harness.app.openAPIRegistry.definitions.length).toBeGreaterThan(15);
    expect(apis.readApi.openAPIRegistry.definitions.length).toBeGreaterThan(10);
    expect({
      write: requestStringsWithoutCheck(apis.harness.app),
      read: requestStringsWithoutCheck(apis.readApi),
    }).toEqual({ write: [], read: [] });
  });
});
