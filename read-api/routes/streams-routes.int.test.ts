import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockStream } from '../../domain/streams.ts';
import { readErrorHandler } from '../../infra/http/error-handler.ts';
import { routeNotFound } from '../../infra/http/route-not-found.ts';
import { createLogger } from '../../infra/logging/logger.ts';
import { stateAt } from '../../projections/time-travel/time-travel.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { createJwtVerifier } from '../../infra/auth/jwt-verifier.ts';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { authenticate } from '../http/auth.ts';
import { streamRoutes } from './streams-routes.ts';

const secret = 'stream-route-test-secret-0123456789';
const stream = stockStream('ST-1', 'berlin');
const path = (s: string, rest: string) => `/admin/streams/${encodeURIComponent(s)}/${rest}`;

for (const backend of ['pglite', 'postgres'] as const) {
  describe(`admin time travel routes on ${backend}`, () => {
    let h: CommandHarness;
    let app: OpenAPIHono;
    let admin: string;
    const get = async (url: string, token: string | null = admin) => {
      const response = await app.request(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    beforeAll(async () => {
      h = await commandHarness(backend);
      h.clock.set('2026-11-16T09:00:00.000Z');
      await h.handlers.createLocation('berlin', 'Berlin', h.context());
      await h.handlers.receiveStock(
        { sku: 'ST-1', location: 'berlin', quantity: 10, reference: null },
        h.context(),
      );
      h.clock.set('2026-11-17T15:00:00.000Z');
      await h.handlers.adjustStock(
        { sku: 'ST-1', location: 'berlin', delta: -4, reason: 'loss', note: 'stolen' },
        h.context({ id: 'staff-2', role: 'admin' }),
      );
      app = new OpenAPIHono();
      app.onError(readErrorHandler({ log: createLogger('silent') }));
      app.notFound(routeNotFound(app));
      app.route(
        '/',
        streamRoutes({
          store: h.store,
          authenticated: authenticate(createJwtVerifier({ secret })),
          now: () => new Date('2026-11-19T16:00:00Z'),
        }),
      );
      admin = await mintToken({ secret, subject: 'admin-1', role: 'admin' });
    });
    afterAll(() => h.dispose());

    it('answers the state at a time, as the tool does', async () => {
      const response = await get(path(stream, 'at?at=2026-11-17T14:00:00Z&events=5'));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        stream,
        category: 'stock',
        state: { onHand: 10 },
        changedBy: [{ actor: { id: 'admin-1', role: 'admin' }, events: 1 }],
      });
      const direct = await stateAt(
        h.store,
        stream,
        { kind: 'time', time: new Date('2026-11-17T14:00:00Z') },
        { eventLimit: 5 },
      );
      expect(response.body).toEqual(JSON.parse(JSON.stringify(direct)));
      const later = await get(path(stream, 'at?at=now'));
      expect(later.body).toMatchObject({ state: { onHand: 6 }, eventCount: 2 });
      const byPosition = await get(
        path(stream, `at?at=${(later.body.events as { position: string }[])[0]!.position}`),
      );
      expect(byPosition.body).toMatchObject({ state: { onHand: 10 }, eventCount: 1 });
    });

    it("lists the stream's events with their metadata", async () => {
      const response = await get(path(stream, 'events?limit=10'));
      expect(response.status).toBe(200);
      expect(response.body.revision).toBe(1);
      expect(response.body.events).toEqual([
        expect.objectContaining({ type: 'StockReceived', actor: { id: 'admin-1', role: 'admin' } }),
        expect.objectContaining({
          type: 'StockAdjusted',
          occurredAt: '2026-11-17T15:00:00.000Z',
          actor: { id: 'staff-2', role: 'admin' },
        }),
      ]);
    });

    it('names the bad field: an unreadable time, a stream of no aggregate, a malformed name', async () => {
      const badAt = await get(path(stream, 'at?at=whenever'));
      expect(badAt.status).toBe(400);
      expect(badAt.body.errors).toEqual([expect.objectContaining({ path: 'query.at' })]);
      const missingAt = await get(path(stream, 'at'));
      expect(missingAt.status).toBe(400);
      const cart = await get(path('cart-1', 'at?at=now'));
      expect(cart.status).toBe(400);
      expect(cart.body.errors).toEqual([expect.objectContaining({ path: 'param.stream' })]);
      const malformed = await get(path('no dash', 'events'));
      expect(malformed.status).toBe(400);
    });

    it('answers 404 for a stream without events, 401 without a token, 403 for other roles', async () => {
      expect((await get(path(stockStream('NONE', 'berlin'), 'at?at=now'))).status).toBe(404);
      expect((await get(path(stockStream('NONE', 'berlin'), 'events'))).status).toBe(404);
      expect((await get(path(stream, 'at?at=now'), null)).status).toBe(401);
      const staff = await mintToken({ secret, subject: 'staff-1', role: 'staff' });
      expect((await get(path(stream, 'events'), staff)).status).toBe(403);
    });
  });
}
