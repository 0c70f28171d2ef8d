import { describe, expect, it } from 'vitest';
import { createJwtVerifier } from '../../infra/auth/jwt-verifier.ts';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { createLogger } from '../../infra/logging/logger.ts';
import { adminOperations } from './admin-operations.ts';

const secret = 'admin-operations-test-secret-0123456789';

describe('admin operations', () => {
  it('refuses text PostgreSQL cannot store with a 400 naming the field, before anything runs', async () => {
    // No projector is wired: a request that got past the guard would fail on it, not answer 400.
    const app = adminOperations({
      projector: {} as never,
      verifier: createJwtVerifier({ secret }),
      log: createLogger('silent'),
    });
    const token = await mintToken({ secret, role: 'admin', subject: 'admin-1' });
    const response = await app.request('/admin/projections/catalog/skip', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ position: '1:1', reason: 'bad\u0000reason' }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    expect(JSON.stringify(await response.json())).toContain('reason');
  });
});
