import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { describe, expect, it, vi } from 'vitest';
import { WrongExpectedRevision } from '../../ports/event-store-errors.ts';
import { defaultHook } from '../../infra/http/default-hook.ts';
import { errorHandler } from './error-handler.ts';
import { routeNotFound } from '../../infra/http/route-not-found.ts';
import { HttpProblem } from '../../infra/http/problem.ts';

const placeOrder = createRoute({
  method: 'post',
  path: '/orders',
  request: {
    query: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            currency: z.string().length(3),
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

function testApp() {
  const log = { error: vi.fn() };
  const app = new OpenAPIHono({ defaultHook });
  app.onError(errorHandler({ log }));
  app.notFound(routeNotFound(app));
  app.openapi(placeOrder, (c) => c.json({ ok: true, lines: c.req.valid('json').lines.length }, 201));
  app.post('/conflict', () => {
    throw new WrongExpectedRevision('order-7', 2, 4);
  });
  app.post('/teapot', () => {
    throw new HttpProblem({
      status: 418,
      code: 'teapot',
      title: 'I am a teapot',
      extensions: { tea: 'green' },
    });
  });
  app.post('/bug', () => {
    throw new Error('connection string postgres://secret@db');
  });
  app.post('/raw-json', async (c) => c.json(await c.req.json()));
  return { app, log };
}

const post = (body: string): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body,
});

describe('the edge error handling', () => {
  it('answers a request failing its route schema with 400 and each field path', async () => {
    const { app } = testApp();
    const response = await app.request(
      '/orders?dryRun=maybe',
      post(JSON.stringify({ currency: 'EURO', lines: [{ sku: 'A', quantity: 0 }] })),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = (await response.json()) as { errors: { path: string }[] };
    expect(body).toMatchObject({ status: 400, code: 'validation_failed', instance: '/orders' });
    // The query is validated first and answers on its own; then the body, with every bad field.
    expect(body.errors.map((error) => error.path)).toEqual(['query.dryRun']);
    const bodyErrors = await app.request(
      '/orders',
      post(JSON.stringify({ currency: 'EURO', lines: [{ sku: 'A', quantity: 0 }] })),
    );
    expect(((await bodyErrors.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      'currency',
      'lines[0].quantity',
    ]);
  });

  it('lets a valid request through', async () => {
    const { app } = testApp();
    const response = await app.request(
      '/orders',
      post(JSON.stringify({ currency: 'EUR', lines: [{ sku: 'A', quantity: 2 }] })),
    );
    expect(response.status).toBe(201);
  });

  it('answers malformed JSON with 400, through a schema or a bare c.req.json()', async () => {
    const { app } = testApp();
    for (const path of ['/orders', '/raw-json']) {
      const response = await app.request(path, post('{"currency": '));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'malformed_json' });
    }
  });

  it('answers thrown problems and store conflicts with their status', async () => {
    const { app } = testApp();
    const conflict = await app.request('/conflict', { method: 'POST' });
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({ stream: 'order-7', expected: 2, actual: 4 });
    const teapot = await app.request('/teapot', { method: 'POST' });
    expect(teapot.status).toBe(418);
    expect(await teapot.json()).toMatchObject({ code: 'teapot', tea: 'green' });
  });

  it('answers a bug with a generic 500 and logs the error, never the stack to the client', async () => {
    const { app, log } = testApp();
    const response = await app.request('/bug', { method: 'POST' });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('secret');
    expect(text).not.toContain('at ');
    expect(log.error).toHaveBeenCalledTimes(1);
    const [logged] = log.error.mock.calls[0] as [{ err: unknown; path: string }];
    expect(logged.err).toBeInstanceOf(Error);
    expect(logged.path).toBe('/bug');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const { app } = testApp();
    const response = await app.request('/nowhere');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      code: 'route_not_found',
      detail: 'Nothing answers GET /nowhere.',
    });
  });
});
