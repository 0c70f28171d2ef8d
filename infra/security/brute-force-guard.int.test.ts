import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceUrls } from '../../test-support/service-urls.ts';
import { createBruteForceGuard, defaultBruteForcePolicy } from './brute-force-guard.ts';
import { memoryLimiterStore, redisLimiterStore, type LimiterStore } from './limiter-store.ts';

const redis = new Redis(serviceUrls().redis);
afterAll(() => redis.quit());

const stores: [string, () => LimiterStore][] = [
  ['memory', memoryLimiterStore],
  ['redis', () => redisLimiterStore(redis)],
];

describe.each(stores)('the brute-force guard in %s', (_name, makeStore) => {
  const guard = () =>
    createBruteForceGuard({ store: makeStore(), prefix: `qm:test:bf:${randomBytes(6).toString('hex')}:` });
  const policy = defaultBruteForcePolicy.account;

  it('lets the free failures through, then delays each try progressively, then locks the account', async () => {
    const bf = guard();
    const ip = '198.51.100.20';
    const account = 'ann@example.com';
    expect(await bf.check(ip, account)).toEqual({ allowed: true });

    const verdicts = [];
    for (let i = 1; i <= policy.lockAfterFailures; i++) verdicts.push(await bf.recordFailure(ip, account));

    // 3 free failures (typos), then 1, 2, 4, 8, 16, 32 s between tries...
    expect(verdicts.slice(0, policy.freeFailures)).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: true },
    ]);
    const delays = verdicts.slice(policy.freeFailures, policy.lockAfterFailures - 1);
    expect(delays.map((v) => (v.allowed ? 'allowed' : v.reason))).toEqual(Array(6).fill('slow_down'));
    expect(delays.map((v) => (v.allowed ? 0 : v.retryAfterSeconds))).toEqual([1, 2, 4, 8, 16, 32]);
    // ...and the 10th failure locks the account for 15 minutes.
    expect(verdicts.at(-1)).toMatchObject({ allowed: false, reason: 'locked', scope: 'account' });
    const locked = await bf.check('203.0.113.77', account);
    expect(locked).toMatchObject({ allowed: false, reason: 'locked', scope: 'account' });
    expect(locked.allowed ? 0 : locked.retryAfterSeconds).toBeGreaterThan(policy.lockSeconds - 5);
    expect(locked.allowed ? 0 : locked.retryAfterSeconds).toBeLessThanOrEqual(policy.lockSeconds);

    // Other accounts from another address are untouched.
    expect(await bf.check('203.0.113.77', 'bob@example.com')).toEqual({ allowed: true });
  });

  it('forgets an account’s failures on success, but not its address’s', async () => {
    const bf = guard();
    for (let i = 0; i < 5; i++) await bf.recordFailure('198.51.100.21', 'carl@example.com');
    expect(await bf.check('198.51.100.21', 'carl@example.com')).toMatchObject({ allowed: false });
    await bf.recordSuccess('198.51.100.21', 'carl@example.com');
    expect(await bf.check('198.51.100.22', 'carl@example.com')).toEqual({ allowed: true });
  });

  it('slows and then locks an address spraying one password over many accounts', async () => {
    const bf = guard();
    const ip = '198.51.100.23';
    const ipPolicy = defaultBruteForcePolicy.ip;
    let last;
    for (let i = 0; i < ipPolicy.freeFailures + 1; i++)
      last = await bf.recordFailure(ip, `victim${i}@example.com`);
    expect(last).toMatchObject({ allowed: false, reason: 'slow_down', scope: 'ip', retryAfterSeconds: 1 });
    for (let i = ipPolicy.freeFailures + 1; i < ipPolicy.lockAfterFailures; i++) {
      last = await bf.recordFailure(ip, `victim${i}@example.com`);
    }
    expect(last).toMatchObject({ allowed: false, reason: 'locked', scope: 'ip' });
    expect(await bf.check(ip, 'never-tried@example.com')).toMatchObject({ reason: 'locked', scope: 'ip' });
    // A success on some account does not lift the address's lock.
    await bf.recordSuccess(ip, 'mine@example.com');
    expect(await bf.check(ip, 'mine@example.com')).toMatchObject({ reason: 'locked', scope: 'ip' });
  });
});
