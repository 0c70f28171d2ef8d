import { describe, expect, it, vi } from 'vitest';
import { Unauthenticated } from './auth-errors.ts';
import { loadConfig } from '../config/config.ts';
import { mintToken } from './mint-token.ts';
import { verifierFromConfig } from './verifier-from-config.ts';

const secret = 'a-test-secret-that-is-long-enough-0123456789';

describe('verifierFromConfig', () => {
  it('verifies with AUTH_JWT_SECRET and the configured issuer and audience', async () => {
    const log = { warn: vi.fn() };
    const verify = verifierFromConfig(
      { AUTH_JWT_SECRET: secret, AUTH_ISSUER: 'qm', AUTH_AUDIENCE: 'api' },
      log,
    );
    const token = await mintToken({ secret, subject: 'a', role: 'admin', issuer: 'qm', audience: 'api' });
    expect(await verify(token)).toEqual({ id: 'a', role: 'admin' });
    await expect(verify(await mintToken({ secret, subject: 'a', role: 'admin' }))).rejects.toThrow(
      Unauthenticated,
    );
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('bounds token lifetimes by AUTH_MAX_TOKEN_LIFETIME_SECONDS, a day by default', async () => {
    const log = { warn: vi.fn() };
    const config = loadConfig({ AUTH_JWT_SECRET: secret });
    expect(config.AUTH_MAX_TOKEN_LIFETIME_SECONDS).toBe(86_400);
    const week = await mintToken({ secret, subject: 'a', role: 'admin', ttl: '7d' });
    await expect(verifierFromConfig(config, log)(week)).rejects.toMatchObject({ status: 401 });
    const lax = loadConfig({ AUTH_JWT_SECRET: secret, AUTH_MAX_TOKEN_LIFETIME_SECONDS: '604800' });
    expect(await verifierFromConfig(lax, log)(week)).toEqual({ id: 'a', role: 'admin' });
    expect(() => loadConfig({ AUTH_MAX_TOKEN_LIFETIME_SECONDS: 'forever' })).toThrow(
      /AUTH_MAX_TOKEN_LIFETIME_SECONDS/,
    );
  });

  it('with no key configured, warns once and refuses every token instead of inventing a secret', async () => {
    const log = { warn: vi.fn() };
    const verify = verifierFromConfig({}, log);
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(String(log.warn.mock.calls[0]?.[0])).toMatch(/AUTH_JWT_SECRET/);
    const token = await mintToken({ secret, subject: 'a', role: 'admin' });
    await expect(verify(token)).rejects.toMatchObject({ status: 401, reason: 'unconfigured' });
  });
});
