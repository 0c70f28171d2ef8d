import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { AuthEnv, Role } from '../../infra/auth/actor.ts';
import { authenticate } from '../../infra/auth/authenticate.ts';
import { createJwtVerifier } from '../../infra/auth/jwt-verifier.ts';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { requirePermission } from '../../infra/auth/require-permission.ts';
import { defaultHook } from '../../infra/http/default-hook.ts';
import { errorHandler } from '../http/error-handler.ts';
import { routeNotFound } from '../../infra/http/route-not-found.ts';
import { idempotency } from './idempotency.ts';
import type { IdempotencyStore } from './idempotency-store.ts';

/** What a store under test is built with: the suite moves the clock to test expiry. */
export interface StoreOptions {
  now: () => Date;
  ttlMs?: number;
  lockMs?: number;
}

const secret = 'idempotency-suite-secret-0123456789abcdef';

const placeOrder = createRoute({
  method: 'post',
  path: '/orders',
  middleware: [requirePermission('orders:place')] as const,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            lines: z
              .array(z.object({ sku: z.string().min(1), quantity: z.number().int().positive() }))
              .min(1),
          }),
        },
      },
    },
  },
  responses: { 201: { description: 'placed' } },
});

/**
 * A small write API as the real one will be assembled: error handler, authenticate, idempotency,
 * then routes. `runs` counts handler executions, which is what idempotency must keep at one.
 */
function edgeApp(store: IdempotencyStore) {
  const runs = { count: 0 };
  let gate: Promise<void> = Promise.resolve();
  let entered = () => undefined as void;
  const app = new OpenAPIHono<AuthEnv>({ defaultHook });
  app.onError(errorHandler({ log: { error: vi.fn() } }));
  app.notFound(routeNotFound(app));
  app.use('*', authenticate(createJwtVerifier({ secret })));
  app.use('*', idempotency({ store }));
  app.openapi(placeOrder, async (c) => {
    runs.count += 1;
    const orderId = `o-${runs.count}`;
    entered();
    await gate;
    return c.json({ orderId, by: c.var.actor.id, lines: c.req.valid('json').lines.length }, 201, {
      Location: `/orders/${orderId}`,
      ETag: '"0"',
      'QM-Position': `p-${runs.count}`,
    });
  });
  app.put('/orders/:id/note', async (c) => {
    runs.count += 1;
    return c.json({ note: (await c.req.json<{ note: string }>()).note, run: runs.count });
  });
  app.post('/explode', () => {
    runs.count += 1;
    throw new Error('database unreachable');
  });
  app.post('/refuse', () => {
    runs.count += 1;
    throw Object.assign(new Error('Only 2 left of A'), {
      kind: 'conflict',
      code: 'insufficient_stock',
      details: { sku: 'A', available: 2 },
    });
  });
  return {
    app,
    runs,
    /** Holds handlers at their start until the returned function is called. */
    hold: () => {
      let open = () => undefined as void;
      gate = new Promise<void>((resolve) => (open = resolve));
      const inside = new Promise<void>((resolve) => (entered = resolve));
      return { inside, open: () => open() };
    },
  };
}

const tokens = new Map<string, Promise<string>>();
function token(role: Role, subject: string): Promise<string> {
  const id = `${role}:${subject}`;
  if (!tokens.has(id)) tokens.set(id, mintToken({ secret, subject, role }));
  return tokens.get(id)!;
}

interface Call {
  key?: string | undefined;
  body?: unknown;
  role?: Role;
  subject?: string;
  method?: string;
  path?: string;
  rawBody?: string;
  authorization?: string | null;
  ifMatch?: string;
}

async function call(app: OpenAPIHono<AuthEnv>, options: Call): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (options.key !== undefined) headers['Idempotency-Key'] = options.key;
  if (options.ifMatch !== undefined) headers['If-Match'] = options.ifMatch;
  if (options.authorization !== null) {
    headers.Authorization =
      options.authorization ?? `Bearer ${await token(options.role ?? 'customer', options.subject ?? 'c-1')}`;
  }
  return app.request(options.path ?? '/orders', {
    method: options.method ?? 'POST',
    headers,
    body: options.rawBody ?? JSON.stringify(options.body ?? { lines: [{ sku: 'A', quantity: 1 }] }),
  });
}

/** The fingerprint a completed key was recorded under, as the store reports it to a claim. */
async function fingerprintOf(store: IdempotencyStore, key: string): Promise<string> {
  const outcome = await store.claim({ scope: 'c-1', key, fingerprint: 'probe' });
  if (outcome.outcome === 'claimed') throw new Error(`key ${key} was not used`);
  return outcome.fingerprint;
}

const problem = async (response: Response) => {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as Record<string, unknown>;
};

/**
 * The idempotency contract, through a real Hono app, against one store. Unit tests run it on the
 * memory store; integration tests on PGlite and PostgreSQL.
 */
export function idempotencySuite(name: string, makeStore: (options: StoreOptions) => IdempotencyStore): void {
  describe(`idempotency on ${name}`, () => {
    const realClock = () => new Date();

    it('replays the same response without running the handler again', async () => {
      const { app, runs } = edgeApp(makeStore({ now: realClock }));
      const key = randomUUID();
      const first = await call(app, { key });
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      const second = await call(app, { key });
      expect(second.status).toBe(201);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      for (const header of ['content-type', 'location', 'etag', 'qm-position']) {
        expect(second.headers.get(header)).toBe(first.headers.get(header));
      }
      expect(await second.text()).toBe(await first.text());
      expect(runs.count).toBe(1);
    });

    it('treats the same JSON serialised differently as the same request', async () => {
      const { app, runs } = edgeApp(makeStore({ now: realClock }));
      const key = randomUUID();
      await call(app, { key, rawBody: '{"lines":[{"sku":"A","quantity":1}]}' });
      const again = await call(app, { key, rawBody: '{ "lines": [ { "quantity": 1, "sku": "A" } ] }' });
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(runs.count).toBe(1);
    });

    it('answers 422 when the key comes back with a different body', async () => {
      const { app, runs } = edgeApp(makeStore({ now: realClock }));
      const key = randomUUID();
      await call(app, { key });
      const reused = await call(app, { key, body: { lines: [{ sku: 'A', quantity: 2 }] } });
      expect(reused.status).toBe(422);
      expect(await problem(reused)).toMatchObject({
        status: 422,
        code: 'idempotency_key_reused',
        type: 'urn:quartermaster:problem:idempotency_key_reused',
        key,
      });
      expect(runs.count).toBe(1);
    });

    it('answers 400 naming the header when a POST has no key', async () => {
      const { app, runs } = edgeApp(makeStore({ now: realClock }));
      const response = await call(app, {});
      expect(response.status).toBe(400);
      const body = await problem(response);
      expect(body).toMatchObject({ code: 'idempotency_key_invalid', header: 'Idempotency-Key' });
      expect(body.detail).toMatch(/Idempotency-Key/);
      expect(runs.count).toBe(0);
    });

    it('answers 409 while the first request with the key is still running, then replays it', async () => {
      const { app, runs, hold } = edgeApp(makeStore({ now: realClock }));
      const key = randomUUID();
      const gate = hold();
      const first = call(app, { key });
      await gate.inside;
      const meanwhile = await call(app, { key });
      expect(meanwhile.status).toBe(409);
      expect(meanwhile.headers.get('retry-after')).toBe('1');
      expect(await problem(meanwhile)).toMatchObject({ code: 'idempotency_key_in_flight' });
      gate.open();
      expect((await first).status).toBe(201);
      expect((await call(app, { key })).headers.get('idempotent-replayed')).toBe('true');
      expect(runs.count).toBe(1);
    });

    it('runs the handler once for concurrent identical requests', async () => {
      const { app, runs } = edgeApp(makeStore({ now: realClock }));
      const key = randomUUID();
      const responses = await Promise.all(Array.from({ length: 8 }, () => call(app, { key })));
      expect(runs.count).toBe(1);
      const fresh = responses.filter((r) => r.status === 201 && !r.headers.get('idempotent-replayed'));
      expect(fresh).toHaveLength(1);
      for (const response of responses) expect([201, 409]).toContain(response.status);
    });

    it('grants a key to exactly one of many concurrent claimers', async () => {
      const store = makeStore({ now: realClock });
      const key = randomUUID();
      const outcomes = await Promise.all(
        Array.from({ length: 16 }, () => store.claim({ scope: 'c-1', key, fingerprint: 'same' })),
      );
      expect(outcomes.filter((outcome) => outcome.outcome === 'claimed')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome.outcome === 'in_flight')).toHaveLength(15);
    });

    it('scopes keys per actor', async () => {
      const { app, runs } = edgeApp(makeStore({ now: realClock }));
      const key = randomUUID();
      const mine = await call(app, { key, subject: 'c-1' });
      const theirs = await call(app, { key, subject: 'c-2', body: { lines: [{ sku: 'B', quantity: 9 }] } });
      expect([mine.status, theirs.status]).toEqual([201, 201]);
      expect(theirs.headers.get('idempotent-replayed')).toBeNull();
      expect(((await theirs.json()) as { by: string }).by).toBe('c-2');
      expect(runs.count).toBe(2);
    });

    it('does not record a 5xx, so a retry runs again', async () => {
      const { app, runs } = edgeApp(makeStore({ now: realClock }));
      const key = randomUUID();
      const first = await call(app, { key, path: '/explode' });
      expect(first.status).toBe(500);
      expect(await problem(first)).toMatchObject({ code: 'internal_error' });
      const retry = await call(app, { key, path: '/explode' });
      expect(retry.status).toBe(500);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
      expect(runs.count).toBe(2);
    });

    it('records a refusal: the retry gets the same 409 with its details', async () => {
      const { app, runs } = edgeApp(makeStore({ now: realClock }));
      const key = randomUUID();
      const first = await call(app, { key, path: '/refuse' });
      expect(first.status).toBe(409);
      const firstBody = await problem(first);
      expect(firstBody).toMatchObject({ code: 'insufficient_stock', details: { sku: 'A', available: 2 } });
      const retry = await call(app, { key, path: '/refuse' });
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await problem(retry)).toEqual(firstBody);
      expect(runs.count).toBe(1);
    });

    it('treats a new If-Match revision under an old key as a different request', async () => {
      const { app, runs } = edgeApp(makeStore({ now: realClock }));
      const key = randomUUID();
      const path = '/orders/o-1/note';
      const first = await call(app, { key, method: 'PUT', path, body: { note: 'n' }, ifMatch: '"3"' });
      expect(first.status).toBe(200);
      const retry = await call(app, { key, method: 'PUT', path, body: { note: 'n' }, ifMatch: '"3"' });
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      const newDecision = await call(app, { key, method: 'PUT', path, body: { note: 'n' }, ifMatch: '"5"' });
      expect(newDecision.status).toBe(422);
      expect(runs.count).toBe(1);
    });

    it('honours a key on PUT when present and does not require one', async () => {
      const { app, runs } = edgeApp(makeStore({ now: realClock }));
      const path = '/orders/o-1/note';
      expect((await call(app, { method: 'PUT', path, body: { note: 'x' } })).status).toBe(200);
      const key = randomUUID();
      const first = await call(app, { key, method: 'PUT', path, body: { note: 'y' } });
      const second = await call(app, { key, method: 'PUT', path, body: { note: 'y' } });
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(await second.json()).toEqual(await first.json());
      expect(runs.count).toBe(2);
    });

    it('forgets a key once it expires', async () => {
      let now = new Date();
      const { app, runs } = edgeApp(makeStore({ now: () => now, ttlMs: 60_000 }));
      const key = randomUUID();
      await call(app, { key });
      now = new Date(now.getTime() + 61_000);
      const reused = await call(app, { key, body: { lines: [{ sku: 'Z', quantity: 3 }] } });
      expect(reused.status).toBe(201);
      expect(reused.headers.get('idempotent-replayed')).toBeNull();
      expect(runs.count).toBe(2);
    });

    it('lets the same request take a key over once its crashed holder stopped renewing it', async () => {
      let now = new Date();
      const store = makeStore({ now: () => now, lockMs: 10_000 });
      const key = randomUUID();
      const crashed = 'crashed-request';
      const abandoned = await store.claim({ scope: 'c-1', key, fingerprint: crashed });
      expect(abandoned).toMatchObject({ outcome: 'claimed', resumed: false });
      now = new Date(now.getTime() + 11_000);
      // Another request under the same key is a reuse of the key, lapsed claim or not: the crashed
      // run may have appended, so it cannot take the key over (the middleware answers 422).
      expect(await store.claim({ scope: 'c-1', key, fingerprint: 'other' })).toMatchObject({
        outcome: 'in_flight',
        fingerprint: crashed,
      });
      // The handler behind it is told that the dead run may have appended.
      const taken = await store.claim({ scope: 'c-1', key, fingerprint: crashed });
      expect(taken).toMatchObject({ outcome: 'claimed', resumed: true });
      // The late holder can no longer touch the key its successor holds.
      if (abandoned.outcome === 'claimed') {
        await store.renew(abandoned.claim);
        await store.complete(abandoned.claim, { status: 201, headers: [], body: new Uint8Array() });
        await store.release(abandoned.claim);
      }
      expect(await store.claim({ scope: 'c-1', key, fingerprint: crashed })).toMatchObject({
        outcome: 'in_flight',
        fingerprint: crashed,
      });
    });

    it('keeps a renewed claim, and tells a retry when an abandoned one lapses', async () => {
      let now = new Date();
      const store = makeStore({ now: () => now, lockMs: 10_000 });
      const key = randomUUID();
      const request = { scope: 'c-1', key, fingerprint: 'f' };
      const held = await store.claim(request);
      if (held.outcome !== 'claimed') throw new Error(`expected a claim, got ${held.outcome}`);
      // A live holder renews every lockMs / 4: its key stays held past the lock time, and a retry
      // is told to come back in a second, since the answer is near.
      for (let step = 0; step < 6; step++) {
        now = new Date(now.getTime() + 2_500);
        await store.renew(held.claim);
      }
      expect(await store.claim(request)).toMatchObject({ outcome: 'in_flight', retryAfterMs: 1000 });
      // The holder dies: after two missed renewals a retry learns when the claim lapses, not "1 s".
      now = new Date(now.getTime() + 6_000);
      expect(await store.claim(request)).toMatchObject({ outcome: 'in_flight', retryAfterMs: 4_000 });
      now = new Date(now.getTime() + 4_000);
      expect((await store.claim(request)).outcome).toBe('claimed');
    });

    it('answers 409 with the truthful Retry-After of a claim whose holder died', async () => {
      let now = new Date();
      const store = makeStore({ now: () => now, lockMs: 10_000 });
      const { app, runs } = edgeApp(store);
      const key = randomUUID();
      const first = await call(app, { key });
      expect(first.status).toBe(201);
      // The same request's claim, left by a process that died 7 s ago (3 s left of its lock).
      const body = JSON.stringify({ lines: [{ sku: 'A', quantity: 1 }] });
      const other = randomUUID();
      const probe = await call(app, { key: other, rawBody: body });
      expect(probe.status).toBe(201);
      const fingerprint = await fingerprintOf(store, other);
      await store.claim({ scope: 'c-1', key: `${other}-dead`, fingerprint });
      now = new Date(now.getTime() + 7_000);
      const retry = await call(app, { key: `${other}-dead`, rawBody: body });
      expect(retry.status).toBe(409);
      expect(retry.headers.get('retry-after')).toBe('3');
      expect(await problem(retry)).toMatchObject({ code: 'idempotency_key_in_flight', retryAfterSeconds: 3 });
      now = new Date(now.getTime() + 3_000);
      expect((await call(app, { key: `${other}-dead`, rawBody: body })).status).toBe(201);
      expect(runs.count).toBe(3);
    });

    describe('with authentication and validation in front', () => {
      it('answers 401 without a token, with a bad token and with an expired token', async () => {
        const { app, runs } = edgeApp(makeStore({ now: realClock }));
        const expired = await mintToken({
          secret,
          subject: 'c-1',
          role: 'customer',
          ttl: '1m',
          now: new Date(Date.now() - 600_000),
        });
        const cases = [
          { authorization: null, reason: 'missing' },
          { authorization: 'Bearer not-a-jwt', reason: 'invalid' },
          { authorization: `Bearer ${expired}`, reason: 'expired' },
        ];
        for (const { authorization, reason } of cases) {
          const response = await call(app, { key: randomUUID(), authorization });
          expect(response.status).toBe(401);
          expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
          expect(await problem(response)).toMatchObject({ status: 401, code: 'unauthenticated', reason });
        }
        expect(runs.count).toBe(0);
      });

      it('answers 403 to roles that do not grant the permission', async () => {
        const { app, runs } = edgeApp(makeStore({ now: realClock }));
        const clerk = await mintToken({ secret, subject: 's-1', role: 'staff', roles: ['no-such-role'] });
        const response = await call(app, { key: randomUUID(), authorization: `Bearer ${clerk}` });
        expect(response.status).toBe(403);
        expect(await problem(response)).toMatchObject({
          status: 403,
          code: 'forbidden',
          instance: '/orders',
        });
        expect(runs.count).toBe(0);
      });

      it('answers an invalid body with 400 and the path of each bad field', async () => {
        const { app, runs } = edgeApp(makeStore({ now: realClock }));
        const response = await call(app, {
          key: randomUUID(),
          body: {
            lines: [
              { sku: 'A', quantity: 0 },
              { sku: '', quantity: 1 },
            ],
          },
        });
        expect(response.status).toBe(400);
        const body = await problem(response);
        expect(body).toMatchObject({ type: 'urn:quartermaster:problem:validation_failed', status: 400 });
        expect((body.errors as { path: string }[]).map((error) => error.path)).toEqual([
          'lines[0].quantity',
          'lines[1].sku',
        ]);
        expect(runs.count).toBe(0);
      });

      it('answers malformed JSON with 400', async () => {
        const { app } = edgeApp(makeStore({ now: realClock }));
        const response = await call(app, { key: randomUUID(), rawBody: '{"lines": [' });
        expect(response.status).toBe(400);
        expect(await problem(response)).toMatchObject({ code: 'malformed_json' });
      });
    });
  });
}
