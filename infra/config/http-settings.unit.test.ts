import { describe, expect, it } from 'vitest';
import { defaultRateBudgets } from '../http/rate-budgets.ts';
import { ConfigError, loadConfig } from './config.ts';

const issues = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.join('\n');
    throw error;
  }
  return '';
};

describe('the HTTP hardening settings', () => {
  it('default to 1 MB bodies, no CORS, no block list and the default budgets', () => {
    const config = loadConfig({});
    expect(config.QM_BODY_LIMIT_BYTES).toBe(1_048_576);
    expect(config.QM_CORS_ORIGINS).toEqual([]);
    expect(config.QM_IP_BLOCKLIST).toEqual([]);
    expect(config.QM_RATE_LIMITS).toEqual({});
    expect(config.QM_TRUSTED_PROXY_HOPS).toBe(0);
    expect(defaultRateBudgets.read.ip).toEqual({ points: 1_200, seconds: 60 });
  });

  it('reads origins, blocked ranges and budget overrides', () => {
    const config = loadConfig({
      QM_CORS_ORIGINS: 'https://shop.example.com, http://localhost:5173',
      QM_IP_BLOCKLIST: '203.0.113.0/24,2001:db8::/32, 198.51.100.7',
      QM_RATE_LIMITS: 'read.ip=2400/60,login.account=5/900',
    });
    expect(config.QM_CORS_ORIGINS).toEqual(['https://shop.example.com', 'http://localhost:5173']);
    expect(config.QM_IP_BLOCKLIST).toEqual(['203.0.113.0/24', '2001:db8::/32', '198.51.100.7']);
    expect(config.QM_RATE_LIMITS).toEqual({
      read: { ip: { points: 2400, seconds: 60 } },
      login: { account: { points: 5, seconds: 900 } },
    });
  });

  it('refuses * and anything but a bare origin in the CORS allow-list', () => {
    expect(issues({ QM_CORS_ORIGINS: '*' })).toMatch(/QM_CORS_ORIGINS: \* is not an origin/);
    expect(issues({ QM_CORS_ORIGINS: 'https://shop.example.com/path' })).toMatch(/is not an origin/);
  });

  it('names a block-list entry that is not an address or range', () => {
    expect(issues({ QM_IP_BLOCKLIST: '10.0.0.0/33' })).toMatch(
      /10\.0\.0\.0\/33 is not an IP address or CIDR range/,
    );
    expect(issues({ QM_IP_BLOCKLIST: 'example.com' })).toMatch(/example\.com is not an IP address/);
  });

  it('names a budget override it cannot read', () => {
    expect(issues({ QM_RATE_LIMITS: 'lgoin.ip=5/60' })).toMatch(/the budget must be one of/);
    expect(issues({ QM_RATE_LIMITS: 'login.user=5/60' })).toMatch(/the scope must be ip or account/);
    expect(issues({ QM_RATE_LIMITS: 'login.ip=5' })).toMatch(/is not <budget>/);
  });

  it('refuses a handler timeout no longer than the consistency wait', () => {
    expect(issues({ QM_REQUEST_TIMEOUT_MS: '1000', QM_READ_WAIT_MS: '2000' })).toMatch(
      /QM_REQUEST_TIMEOUT_MS must be longer than QM_READ_WAIT_MS/,
    );
  });
});
