import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientIpResolver } from '../infra/http/client-ip.ts';
import { PROBLEM_CONTENT_TYPE } from '../infra/http/problem.ts';
import { withOverrides } from '../infra/http/rate-budgets.ts';
import { createRateLimits } from '../infra/http/rate-limit.ts';
import { memoryLimiterStore } from '../infra/security/limiter-store.ts';
import { writeApiHarness, type WriteApiHarness } from '../test-support/write-api-harness.ts';

/**
 * The command API with the deployment's guards: every write counts per address and, once the
 * token is verified, per account. Budgets of an hour, so nothing refills during the test.
 */
describe('rate limits on the command API', () => {
  let h: WriteApiHarness;
  beforeAll(async () => {
    h = await writeApiHarness('pglite', {
      guards: {
        clientIp: clientIpResolver(1),
        rateLimits: createRateLimits({
          store: memoryLimiterStore(),
          budgets: withOverrides({
            write: { ip: { points: 5, seconds: 3_600 }, account: { points: 2, seconds: 3_600 } },
          }),
        }),
        ipBlockList: [],
        bodyLimitBytes: 1_048_576,
        uploadLimits: [],
        corsOrigins: [],
        requestTimeoutMs: 30_000,
      },
    });
  });
  afterAll(() => h.dispose());

  const createLocation = (id: string, subject: string, address: string, token?: string) =>
    h.post(
      '/locations',
      { locationId: id, name: id },
      token === undefined ? { role: 'admin', subject } : null,
      { 'x-forwarded-for': address, ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    );

  it('refuses an account over its write budget from any address, with 429 problem+json and Retry-After', async () => {
    expect((await createLocation('a1', 'admin-a', '198.51.100.1')).status).toBe(201);
    expect((await createLocation('a2', 'admin-a', '198.51.100.2')).status).toBe(201);
    const refused = await createLocation('a3', 'admin-a', '198.51.100.3');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ code: 'rate_limited', budget: 'write', scope: 'account' });
    // Another account is not held back by it.
    expect((await createLocation('b1', 'admin-b', '198.51.100.3')).status).toBe(201);
  });

  it('does not let a forged token spend another account’s budget', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await createLocation(`f${i}`, 'admin-c', '198.51.100.9', 'forged.token.value')).status).toBe(
        401,
      );
    }
    expect((await createLocation('c1', 'admin-c', '198.51.100.10')).status).toBe(201);
  });

  it('refuses an address over its write budget whatever the accounts', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++)
      answers.push((await createLocation(`d${i}`, `admin-d${i}`, '192.0.2.50')).status);
    expect(answers).toEqual([201, 201, 201, 201, 201, 429]);
  });
});
