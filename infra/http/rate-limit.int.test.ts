import { Hono } from 'hono';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceUrls } from '../../test-support/service-urls.ts';
import { waitUntil } from '../../test-support/wait-until.ts';
import { memoryLimiterStore, redisLimiterStore, type LimiterStore } from '../security/limiter-store.ts';
import { readErrorHandler } from './error-handler.ts';
import { applyHttpGuards } from './http-guards.ts';
import { PROBLEM_CONTENT_TYPE } from './problem.ts';
import { withOverrides } from './rate-budgets.ts';
import { createRateLimits } from './rate-limit.ts';

const redis = new Redis(serviceUrls().redis);
afterAll(() => redis.quit());

const stores: [string, () => LimiterStore][] = [
  ['memory', memoryLimiterStore],
  ['redis', () => redisLimiterStore(redis)],
];

/** An API behind the guards whose client address is the test's `X-Test-Client` header. */
function guardedApp(store: LimiterStore, prefix: string) {
  const rateLimits = createRateLimits({
    store,
    prefix,
    // Budgets of one second: the test waits out a window instead of faking time in Redis.
    budgets: withOverrides({
      read: { ip: { points: 3, seconds: 1 } },
      write: { ip: { points: 2, seconds: 1 } },
      login: { ip: { points: 5, seconds: 1 }, account: { points: 2, seconds: 1 } },
    }),
  });
  const app = new Hono();
  app.onError(readErrorHandler({ log: { error: () => undefined } }));
  applyHttpGuards(app, {
    clientIp: (c) => c.req.header('x-test-client') ?? '0.0.0.0',
    rateLimits,
    ipBlockList: [],
    bodyLimitBytes: 1024,
    uploadLimits: [],
    corsOrigins: [],
    requestTimeoutMs: 5_000,
  });
  app.get('/products', (c) => c.json({ items: [] }));
  app.post('/orders', (c) => c.json({ ok: true }, 201));
  return { app, rateLimits };
}

describe.each(stores)('rate limits counted in %s', (_name, makeStore) => {
  const prefix = `qm:test:rl:${randomBytes(6).toString('hex')}:`;
  const { app, rateLimits } = guardedApp(makeStore(), prefix);
  const get = (client: string) => app.request('/products', { headers: { 'x-test-client': client } });

  it('counts reads per address, answers 429 problem+json with Retry-After and RateLimit-* once spent, and recovers', async () => {
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await get('198.51.100.1'));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0']);
    expect(answers[0]!.headers.get('ratelimit-limit')).toBe('3');
    expect(answers[0]!.headers.get('ratelimit-policy')).toBe('3;w=1');
    expect(Number(answers[0]!.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);

    const refused = await get('198.51.100.1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    // Security headers are on refusals too: they come first.
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await refused.json()).toMatchObject({
      status: 429,
      code: 'rate_limited',
      budget: 'read',
      scope: 'ip',
    });

    // Another address has its own budget.
    expect((await get('198.51.100.2')).status).toBe(200);

    // The window ends: the address is served again.
    await waitUntil('the read budget to refill', async () => (await get('198.51.100.1')).status === 200);
  });

  it('takes a large budget from the store in leases, and still refuses at the budget', async () => {
    const leased = createRateLimits({
      store: makeStore(),
      prefix: `${prefix}leased:`,
      budgets: withOverrides({ read: { ip: { points: 400, seconds: 3_600 } } }),
    });
    const decisions = [];
    for (let i = 0; i < 401; i++) decisions.push(await leased.consume('read', { ip: '192.0.2.99' }));
    expect(decisions.filter((d) => d?.allowed)).toHaveLength(400);
    expect(decisions.at(-1)).toMatchObject({ allowed: false, scope: 'ip' });
    expect(decisions.map((d) => d?.remaining).slice(0, 3)).toEqual([399, 398, 397]);
    // Concurrent requests share one lease fetch, and are all counted.
    const burst = await Promise.all(
      Array.from({ length: 50 }, () => leased.consume('read', { ip: '192.0.2.100' })),
    );
    expect(burst.every((d) => d?.allowed)).toBe(true);
    expect(Math.min(...burst.map((d) => d!.remaining))).toBe(350);
  });

  it('counts writes against the write budget, apart from reads', async () => {
    const post = () =>
      app.request('/orders', { method: 'POST', headers: { 'x-test-client': '198.51.100.3' } });
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(429);
    expect((await get('198.51.100.3')).status).toBe(200);
  });

  it('enforces a named budget per account whatever the address, and per address whatever the account', async () => {
    await rateLimits.enforce('login', { ip: '203.0.113.1', account: 'ann@example.com' });
    await rateLimits.enforce('login', { ip: '203.0.113.2', account: 'ann@example.com' });
    const refusal = await rateLimits
      .enforce('login', { ip: '203.0.113.3', account: 'ann@example.com' })
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({ status: 429, code: 'rate_limited', extensions: { scope: 'account' } });
    expect(refusal).toHaveProperty('headers.Retry-After');

    for (let i = 0; i < 5; i++) {
      await rateLimits.enforce('login', { ip: '203.0.113.9', account: `user${i}@example.com` });
    }
    const sprayed = await rateLimits.consume('login', { ip: '203.0.113.9', account: 'user9@example.com' });
    expect(sprayed).toMatchObject({ allowed: false, scope: 'ip' });

    await waitUntil('the login budget to refill', async () => {
      const decision = await rateLimits.consume('login', { ip: '203.0.113.4', account: 'ann@example.com' });
      return decision?.allowed;
    });
  });
});

describe('rate limits in Redis', () => {
  it('are one budget for every process that shares the Redis', async () => {
    const prefix = `qm:test:rl:${randomBytes(6).toString('hex')}:`;
    const first = guardedApp(redisLimiterStore(redis), prefix);
    const second = guardedApp(redisLimiterStore(redis), prefix);
    const headers = { 'x-test-client': '192.0.2.7' };
    expect((await first.app.request('/products', { headers })).status).toBe(200);
    expect((await second.app.request('/products', { headers })).status).toBe(200);
    expect((await first.app.request('/products', { headers })).status).toBe(200);
    expect((await second.app.request('/products', { headers })).status).toBe(429);
    expect(await redis.keys(`${prefix}*`)).not.toHaveLength(0);
  });
});
