import { Redis } from 'ioredis';
import type { Config } from '../../infra/config/config.ts';
import { clientIpResolver } from '../../infra/http/client-ip.ts';
import type { HttpGuards } from '../../infra/http/http-guards.ts';
import { withOverrides } from '../../infra/http/rate-budgets.ts';
import { createRateLimits } from '../../infra/http/rate-limit.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import { createBruteForceGuard, type BruteForceGuard } from '../../infra/security/brute-force-guard.ts';
import {
  memoryLimiterStore,
  redisLimiterStore,
  type LimiterStore,
} from '../../infra/security/limiter-store.ts';

/** Where upload routes (CSV imports) live: their bodies get `QM_UPLOAD_BODY_LIMIT_BYTES`. */
export const UPLOAD_PATH_PREFIX = '/imports/';

export type GuardsConfig = Pick<
  Config,
  | 'REDIS_URL'
  | 'QM_RATE_LIMITS'
  | 'QM_TRUSTED_PROXY_HOPS'
  | 'QM_IP_BLOCKLIST'
  | 'QM_BODY_LIMIT_BYTES'
  | 'QM_UPLOAD_BODY_LIMIT_BYTES'
  | 'QM_CORS_ORIGINS'
  | 'QM_REQUEST_TIMEOUT_MS'
> &
  Partial<Pick<Config, 'HOST' | 'READ_PORT'>>;

/**
 * The admin dashboard is served by the read API (`/dashboard`) and calls the command API on the
 * other port: that origin is always allowed (docs/dashboard.md), beside `QM_CORS_ORIGINS`. On the
 * loopback address the browser may name the host either way.
 */
export function dashboardOrigins(config: Partial<Pick<Config, 'HOST' | 'READ_PORT'>>): string[] {
  if (config.HOST === undefined || config.READ_PORT === undefined || config.READ_PORT === 0) return [];
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(config.HOST);
  const hosts = loopback ? ['127.0.0.1', 'localhost'] : [config.HOST];
  return hosts.map((host) => `http://${host}:${config.READ_PORT}`);
}

export interface OpenedGuards {
  /** For both APIs: one set of counters, so reads and writes from one address share nothing but the store. */
  guards: HttpGuards;
  /** For the login, reset and 2FA handlers: slows, then locks, an account or address that keeps failing. */
  bruteForce: BruteForceGuard;
  close(): Promise<void>;
}

/** `QM_CORS_ORIGINS` and the dashboard's origin: the browser origins allowed on both APIs. */
export function corsOriginsOf(
  config: Pick<GuardsConfig, 'QM_CORS_ORIGINS' | 'HOST' | 'READ_PORT'>,
): string[] {
  return [...new Set([...config.QM_CORS_ORIGINS, ...dashboardOrigins(config)])];
}

/**
 * The HTTP guards from configuration. Counters live in Redis when `REDIS_URL` is set, so every API
 * process of the deployment spends the same budget; in this process's memory otherwise.
 */
export function openHttpGuards(
  config: GuardsConfig,
  log: Pick<Logger, 'info' | 'warn'>,
  options: { prefix?: string } = {},
): OpenedGuards {
  const redis = config.REDIS_URL
    ? // No offline queue and one retry: a request must not wait on a reconnect; the limiter
      // counts in memory meanwhile (rate-limiter-flexible's insurance limiter).
      new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
    : undefined;
  redis?.on('error', (error: Error) =>
    log.warn({ err: error }, 'rate-limit Redis: counting in memory meanwhile'),
  );
  const store: LimiterStore = redis ? redisLimiterStore(redis) : memoryLimiterStore();
  const prefix = options.prefix ?? 'qm:rl:';
  const guards: HttpGuards = {
    clientIp: clientIpResolver(config.QM_TRUSTED_PROXY_HOPS),
    rateLimits: createRateLimits({ store, budgets: withOverrides(config.QM_RATE_LIMITS), prefix }),
    ipBlockList: config.QM_IP_BLOCKLIST,
    bodyLimitBytes: config.QM_BODY_LIMIT_BYTES,
    uploadLimits: [{ pathPrefix: UPLOAD_PATH_PREFIX, bytes: config.QM_UPLOAD_BODY_LIMIT_BYTES }],
    corsOrigins: corsOriginsOf(config),
    requestTimeoutMs: config.QM_REQUEST_TIMEOUT_MS,
  };
  log.info(
    { rateLimits: store.kind, blocked: config.QM_IP_BLOCKLIST.length, corsOrigins: guards.corsOrigins },
    'HTTP guards ready',
  );
  return {
    guards,
    bruteForce: createBruteForceGuard({ store, prefix: `${prefix}bf:` }),
    close: async () => {
      redis?.disconnect();
    },
  };
}
