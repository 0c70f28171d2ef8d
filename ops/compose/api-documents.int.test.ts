import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import { createLogger } from '../../infra/logging/logger.ts';
import { createMetricsRegistry } from '../../infra/metrics/registry.ts';
import { returnsProjection } from '../../projections/returns/projection.ts';
import {
  startReadModelProjector,
  type RunningProjector,
} from '../../projections/runtime/projector-runner.ts';
import { operationExamples, type OperationExample } from '../../test-support/openapi-examples.ts';
import { readApiHarness, type ReadApiHarness } from '../../test-support/read-api-harness.ts';
import { createJwtVerifier } from '../../infra/auth/jwt-verifier.ts';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { createWriteApi } from '../../write-api/app.ts';
import { createSqlIdempotencyStore } from '../../write-api/idempotency/sql-idempotency-store.ts';
import { sqlProcessedWebhooks } from '../../write-api/webhooks/processed-webhooks.ts';
import { berlinAddress } from '../../test-support/addresses.ts';

const SECRET = 'api-documents-test-secret-at-least-32-characters';

/**
 * Values for the members a document gives no example for, so that each request carries the
 * document's own examples and is otherwise valid. A member listed here that gains an example in the
 * document is then taken from the document instead.
 */
const FILLS: Record<string, unknown> = {
  'body.name': 'Claw hammer',
  'body.brand': 'Acme',
  'body.category': 'tools',
  'body.reason': 'spring sale',
  'body.quantity': 5,
  'body.delta': -1,
  'body.threshold': 3,
  'body.currency': 'EUR',
  'body.lines[].quantity': 1,
  'body.shippingAddress.name': 'Ada Lovelace',
  'body.shippingAddress.line1': 'Street 1',
  'body.shippingAddress.city': 'Berlin',
  'body.shippingAddress.postalCode': '10115',
  'body.shippingAddress.country': 'DE',
  'body.carrier': 'DHL',
  'body.trackingNumber': '00340434161234567890',
};

function fill(example: OperationExample): OperationExample {
  const missing: string[] = [];
  const body = structuredClone(example.body) as Record<string, unknown> | undefined;
  for (const path of example.missing) {
    if (path === 'header.idempotency-key') continue; // every write gets a fresh one
    if (!(path in FILLS) || !body) {
      missing.push(path);
      continue;
    }
    // `body.a.b` or `body.lines[].quantity`: set on the object, or on each item of the array.
    let targets: Record<string, unknown>[] = [body];
    const keys = path.split('.').slice(1);
    for (const key of keys.slice(0, -1)) {
      type Member = Record<string, unknown>;
      targets = targets.flatMap((target): Member[] => {
        const next = target[key.replace('[]', '')];
        return key.endsWith('[]') ? (next as Member[]) : [next as Member];
      });
    }
    for (const target of targets) target[keys.at(-1)!] = FILLS[path];
  }
  return { ...example, body, missing };
}

describe('the OpenAPI documents and docs pages of both APIs', () => {
  let h: ReadApiHarness;
  let returns: RunningProjector | undefined;
  let write: ReturnType<typeof createWriteApi>;
  const apps = () => ({ write, read: h.readSide.api });

  beforeAll(async () => {
    h = await readApiHarness('pglite', 'memory');
    write = createWriteApi({
      handlers: h.handlers,
      clock: h.clock,
      ids: uuidV7Ids,
      verifier: createJwtVerifier({ secret: SECRET }),
      idempotencyStore: createSqlIdempotencyStore(h.sql),
      processedWebhooks: sqlProcessedWebhooks(h.sql),
      log: createLogger('silent'),
    });
    // What the examples name (one id example, p-1001, for every id), so that they reach the rules
    // behind the schemas: the manual payment's reference, for one, is checked on an existing order.
    await h.handlers.createLocation('berlin', 'Berlin warehouse', h.context());
    await h.handlers.createProduct(
      {
        productId: 'p-1001',
        sku: 'p-1001',
        name: 'Claw hammer',
        description: 'A hammer',
        brand: 'Acme',
        category: 'tools',
        attributes: {},
        allowBackorder: false,
        price: { amount: 1299, currency: 'EUR' },
      },
      h.context(),
    );
    await h.handlers.receiveStock(
      { sku: 'p-1001', location: 'berlin', quantity: 10, reference: null },
      h.context(),
    );
    const order = await h.handlers.placeOrder(
      {
        orderId: 'p-1001',
        customerId: 'p-1001',
        currency: 'EUR',
        lines: [{ productId: 'p-1001', quantity: 1 }],
        shippingAddress: { ...berlinAddress, line1: 'Street 1' },
      },
      h.context({ id: 'p-1001', role: 'customer' }),
    );
    // The returns policy is public: its route reaches the returns model, which the harness leaves out.
    returns = await startReadModelProjector(
      { store: h.store, database: h.sql, log: createLogger('silent'), metrics: createMetricsRegistry() },
      returnsProjection(),
      { pollIntervalMs: 5 },
    );
    // The log must also have reached the consistency token the read API's examples show.
    await h.settle(order.position);
    expect(await returns.waitFor(order.position, 30_000)).toBe(true);
  });
  afterAll(async () => {
    await returns?.stop();
    await h?.close();
  });

  it('takes the manual payment reference as the free text it is documented as, and names it when blank', async () => {
    const token = await mintToken({ secret: SECRET, role: 'admin', subject: 'admin-1' });
    const pay = (reference: string) =>
      write.request('/orders/p-1001/payments/manual', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'idempotency-key': randomUUID(),
          'content-type': 'application/json',
        },
        body: JSON.stringify({ reference, amount: { amount: 1299, currency: 'EUR' } }),
      });
    const blank = await pay('   ');
    expect(blank.status).toBe(400);
    expect(await blank.json()).toMatchObject({ errors: [{ path: 'reference' }] });
    const paid = await pay('bank transfer 2026-11-21 #4711');
    expect(paid.status).toBe(201);
  });

  for (const name of ['write', 'read'] as const) {
    it(`${name} API: every example in /openapi.json is accepted by its own route`, async () => {
      const app = apps()[name];
      const doc = (await (await app.request('/openapi.json')).json()) as Parameters<
        typeof operationExamples
      >[0];
      const examples = operationExamples(doc).map(fill);
      expect(examples.length).toBeGreaterThan(10);
      const refused: string[] = [];
      for (const example of examples) {
        const label = `${example.method} ${example.path}`;
        if (example.missing.length > 0) {
          refused.push(`${label}: no example for ${example.missing.join(', ')}`);
          continue;
        }
        const query = new URLSearchParams(example.query).toString();
        // Read routes give each form of the token its own example; sending both at once is fine.
        const token = await mintToken({ secret: SECRET, role: 'admin', subject: 'admin-1' });
        const response = await app.request(`${example.path}${query ? `?${query}` : ''}`, {
          method: example.method,
          headers: {
            authorization: `Bearer ${token}`,
            ...example.headers,
            // Every write gets a fresh key (the report routes ask for one on PUT and DELETE too).
            ...(example.method !== 'GET' ? { 'idempotency-key': randomUUID() } : {}),
            ...(example.contentType ? { 'content-type': example.contentType } : {}),
          },
          ...(example.body === undefined
            ? {}
            : {
                // Another media type's example is the text to send (a CSV upload's file).
                body:
                  typeof example.body === 'string' && example.contentType !== 'application/json'
                    ? example.body
                    : JSON.stringify(example.body),
              }),
        });
        const problem =
          response.status >= 400 ? ((await response.json()) as { code?: string; errors?: unknown }) : null;
        // Not found, conflicts and business rules are answers about the data, not the request.
        if (response.status === 400 || response.status === 415 || response.status >= 500) {
          refused.push(
            `${label}: ${response.status} ${JSON.stringify(problem)} for ${JSON.stringify(example.body)}`,
          );
        } else if (problem?.code === 'validation_failed') {
          refused.push(`${label}: ${response.status} ${JSON.stringify(problem)}`);
        }
      }
      expect(refused).toEqual([]);
    });

    it(`${name} API: /docs loads Swagger UI from this server, with no external URL`, async () => {
      const app = apps()[name];
      const page = await app.request('/docs');
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).not.toMatch(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
      const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
      expect(assets).toEqual(
        expect.arrayContaining([expect.stringMatching(/\.css$/), expect.stringMatching(/\.js$/)]),
      );
      for (const asset of assets) {
        expect(asset).toMatch(/^\//);
        const response = await app.request(asset);
        expect(response.status, asset).toBe(200);
        expect(response.headers.get('content-type')).toMatch(
          asset.endsWith('.css') ? /text\/css/ : /javascript/,
        );
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
      }
      expect(html).toContain("url: '/openapi.json'");
      expect((await app.request('/docs/assets/swagger-ui-dist/package.json')).status).toBe(404);
    });
  }
});
