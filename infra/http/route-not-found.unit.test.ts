import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CONTENT_TYPE } from './problem.ts';
import { routeNotFound } from './route-not-found.ts';

function app() {
  const outer = new Hono();
  outer.notFound(routeNotFound(outer));
  const inner = new Hono();
  inner.use('*', async (_c, next) => next());
  inner.post('/orders', (c) => c.text('placed'));
  inner.get('/orders/:orderId', (c) => (c.req.param('orderId') === 'gone' ? c.notFound() : c.text('order')));
  inner.post('/orders/:orderId/cancel', (c) => c.text('cancelled'));
  // Mounted after notFound was set, as the composition root does.
  outer.route('/', inner);
  return outer;
}

describe('routeNotFound', () => {
  it('answers a path nothing serves with a 404 problem naming the method and path', async () => {
    const response = await app().request('/nothing/here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    expect(await response.json()).toMatchObject({
      code: 'route_not_found',
      detail: 'Nothing answers GET /nothing/here.',
    });
  });

  it('answers a known path with the wrong method with a 405 listing the methods in Allow', async () => {
    const onList = await app().request('/orders', { method: 'GET' });
    expect(onList.status).toBe(405);
    expect(onList.headers.get('allow')).toBe('POST');
    expect(onList.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    expect(await onList.json()).toMatchObject({ code: 'method_not_allowed', allowed: ['POST'] });

    const onOrder = await app().request('/orders/o-1', { method: 'DELETE' });
    expect(onOrder.status).toBe(405);
    expect(onOrder.headers.get('allow')).toBe('GET, HEAD');
  });

  it('does not count middleware as an endpoint, and matches parameters within one segment', async () => {
    expect((await app().request('/orders/o-1/cancel/extra', { method: 'POST' })).status).toBe(404);
    expect((await app().request('/orders/o-1/cancel', { method: 'PUT' })).headers.get('allow')).toBe('POST');
  });

  it('answers a 404, not a 405, when the route took the method and found nothing', async () => {
    const response = await app().request('/orders/gone');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'route_not_found' });
  });
});
