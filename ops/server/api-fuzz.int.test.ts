import fc from 'fast-check';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_CONTENT_TYPE } from '../../infra/http/problem.ts';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { eventLogHead } from '../../test-support/event-log-head.ts';
import { baseline, toRequest } from '../../test-support/openapi-fuzz/fuzz-request.ts';
import { fuzzCase, type GlobalValues } from '../../test-support/openapi-fuzz/mutations.ts';
import {
  operationsOf,
  type OpenApiDocument,
  type Operation,
} from '../../test-support/openapi-fuzz/openapi-operations.ts';
import type { Backend } from '../../test-support/command-harness.ts';
import { servedApis, type ServedApis } from '../../test-support/served-apis.ts';
import { berlinAddress } from '../../test-support/addresses.ts';

/**
 * Fuzzes every operation of both OpenAPI documents, as `qm serve` serves them, with requests
 * broken on purpose: wrong types, one past each bound, NUL and lone surrogates, huge strings, deep
 * nesting, wrong content types, malformed JSON, and bad Authorization, Idempotency-Key,
 * X-Consistency-Token and If-Match headers, one to three at a time. Every answer must be below
 * 500; every 4xx must be problem+json; a refused write must leave the event log where it was.
 *
 * Fixed seed, so a run repeats. `npm test` runs CASES per operation on PGlite (20, each one to
 * three breakages: a sample that keeps the file near 20 s); QM_SOAK=1 (`npm run test:soak`) runs
 * 500 per operation, enough to aim at each field of an operation many times, on PostgreSQL as well.
 */
const SOAK = process.env.QM_SOAK === '1';
const CASES = SOAK ? 500 : 20;
const SEED = 4_013;
const backends: Backend[] = SOAK ? ['pglite', 'postgres'] : ['pglite'];

/** Ids the requests aim at, so fuzzing reaches existing products, orders and streams. */
const known = {
  productId: 'p-1',
  sku: 'SKU-1',
  location: 'berlin',
  locationId: 'berlin',
  orderId: 'o-1',
  stream: 'product-p-1',
  suggestionId: 's-1',
  reportId: 'r-1',
};

describe.each(backends)('OpenAPI-driven fuzz of both APIs on %s', (backend) => {
  let apis: ServedApis;
  const apps: { api: 'write' | 'read'; doc: OpenApiDocument; operations: Operation[] }[] = [];
  let values: GlobalValues;
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    apis = await servedApis(backend);
    const seed = (path: string, body: unknown) =>
      apis.harness.post(path, body).then((response) => expect(response.status, path).toBeLessThan(300));
    await seed('/locations', { locationId: 'berlin', name: 'Berlin' });
    await seed('/products', {
      productId: 'p-1',
      sku: 'SKU-1',
      name: 'Hammer',
      brand: 'Acme',
      category: 'tools',
      price: { amount: 1299, currency: 'EUR' },
    });
    await seed('/stock/receipts', { sku: 'SKU-1', location: 'berlin', quantity: 1000 });
    await seed('/orders', {
      orderId: 'o-1',
      customerId: 'cust-1',
      currency: 'EUR',
      lines: [{ productId: 'p-1', quantity: 1 }],
      shippingAddress: berlinAddress,
    });
    for (const api of ['write', 'read'] as const) {
      const doc = (await (await apis[api].request('/openapi.json')).json()) as OpenApiDocument;
      apps.push({ api, doc, operations: operationsOf(doc) });
    }
    const forged = await mintToken({
      secret: 'another-secret-at-least-32-characters-long',
      role: 'admin',
      subject: 'a',
    });
    const expired = await mintToken({
      secret: 'test-secret-that-is-at-least-32-characters-long',
      role: 'admin',
      subject: 'a',
      now: new Date('2020-01-01T00:00:00Z'),
    });
    values = {
      badAuthorizations: [
        'Bearer',
        'Bearer ',
        'Bearer x',
        'Bearer a.b.c',
        'Basic YWRtaW46YWRtaW4=',
        `Bearer ${forged}`,
        `Bearer ${expired}`,
        // alg "none", claiming admin
        'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIiwicm9sZSI6ImFkbWluIn0.',
        `Bearer ${'A'.repeat(20_000)}`,
        'Bearer \u00ff\u00fe',
      ],
    };
  });
  afterAll(async () => {
    const figures = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
    process.stderr.write(`api fuzz on ${backend}, answers by status: ${figures.join(', ')}\n`);
    await apis?.close();
  });

  it('covers every operation of both documents', () => {
    expect(apps.map(({ api, operations }) => [api, operations.length > 10])).toEqual([
      ['write', true],
      ['read', true],
    ]);
  });

  it(`answers ${CASES} broken requests per operation with problem+json 4xx, never 5xx, appending nothing when refused`, async () => {
    let run = 0;
    for (const { api, doc, operations } of apps) {
      const app: Hono = apis[api];
      const authorization = apis.adminAuth[api];
      for (const operation of operations) {
        await fc.assert(
          fc.asyncProperty(fuzzCase(operation, values), async (mutations) => {
            const draft = baseline(doc, operation, known, authorization, `fuzz-${run++}`);
            for (const mutation of mutations) mutation.apply(draft);
            const { url, init } = toRequest(draft);
            const what = `${draft.method} ${url.slice(0, 160)} after ${mutations.map((m) => m.label).join('; ')}`;
            const writes = draft.method !== 'GET';
            const before = writes ? await eventLogHead(apis.harness.store, apis.harness.sql) : '';
            const response = await app.request(url, init);
            // An accepted event stream (the dashboard's live events) stays open until its client
            // leaves: read its status, then leave.
            const streaming = response.headers.get('content-type')?.startsWith('text/event-stream');
            if (streaming) await response.body?.cancel();
            const text = streaming ? '' : await response.text();
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            expect(response.status, `${what}: ${text.slice(0, 300)}`).toBeLessThan(500);
            if (response.status >= 400) {
              expect(response.headers.get('content-type'), what).toBe(PROBLEM_CONTENT_TYPE);
              expect((JSON.parse(text) as { status: number }).status, what).toBe(response.status);
              if (writes) expect(await eventLogHead(apis.harness.store, apis.harness.sql), what).toBe(before);
            }
          }),
          { seed: SEED + run, numRuns: CASES, endOnFailure: true },
        );
      }
    }
  }, 600_000);
});
