import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { errorHandler } from '../http/error-handler.ts';
import type { AuthEnv } from '../../infra/auth/actor.ts';
import { authenticate } from '../../infra/auth/authenticate.ts';
import { createJwtVerifier } from '../../infra/auth/jwt-verifier.ts';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { requirePermission } from '../../infra/auth/require-permission.ts';

const secret = 'a-test-secret-that-is-long-enough-0123456789';

function testApp() {
  const app = new Hono<AuthEnv>();
  app.onError(errorHandler({ log: { error: vi.fn() } }));
  app.use('*', authenticate(createJwtVerifier({ secret })));
  app.get('/me', (c) => c.json(c.var.actor));
  app.post('/prices', requirePermission('prices:write'), (c) => c.json({ changedBy: c.var.actor.id }));
  app.post('/shipments', requirePermission('orders:fulfil'), (c) => c.body(null, 204));
  return app;
}

const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
const tokenFor = (role: 'customer' | 'staff' | 'admin', subject = `${role}-1`) =>
  mintToken({ secret, subject, role });

describe('authenticate', () => {
  it('sets the verified actor', async () => {
    const response = await testApp().request('/me', bearer(await tokenFor('customer', 'c-42')));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 'c-42', role: 'customer' });
  });

  it('answers 401 with a bare Bearer challenge when no token came', async () => {
    const response = await testApp().request('/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 401, code: 'unauthenticated', reason: 'missing' });
  });

  it('answers 401 invalid_token for a bad scheme, a bad token and an expired token', async () => {
    const app = testApp();
    const expired = await mintToken({
      secret,
      subject: 'a',
      role: 'admin',
      ttl: '1m',
      now: new Date(Date.now() - 3600_000),
    });
    const cases = [
      [{ headers: { Authorization: 'Basic YWRtaW46YWRtaW4=' } }, 'invalid'],
      [bearer('garbage'), 'invalid'],
      [bearer(expired), 'expired'],
    ] as const;
    for (const [init, reason] of cases) {
      const response = await app.request('/me', init);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
      expect(await response.json()).toMatchObject({ reason });
    }
  });
});

describe('requirePermission', () => {
  it('admits the roles granting it and answers 403 to the others', async () => {
    const app = testApp();
    expect(
      (await app.request('/prices', { method: 'POST', ...bearer(await tokenFor('admin')) })).status,
    ).toBe(200);
    const refused = await app.request('/prices', { method: 'POST', ...bearer(await tokenFor('staff')) });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ status: 403, code: 'forbidden' });
    expect(
      (await app.request('/shipments', { method: 'POST', ...bearer(await tokenFor('staff')) })).status,
    ).toBe(204);
    expect(
      (await app.request('/shipments', { method: 'POST', ...bearer(await tokenFor('customer')) })).status,
    ).toBe(403);
  });

  it('refuses when authenticate was not mounted before it', async () => {
    const app = new Hono<AuthEnv>();
    app.onError(errorHandler({ log: { error: vi.fn() } }));
    app.post('/prices', requirePermission('prices:write'), (c) => c.body(null, 204));
    expect((await app.request('/prices', { method: 'POST' })).status).toBe(401);
  });
});
