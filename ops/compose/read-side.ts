import type { ImportJobs } from '../../infra/imports/import-jobs.ts';
import type { EventStore, Position } from '../../ports/event-store.ts';
import type { AnalyticsClient } from '../../infra/analytics/analytics-client.ts';
import type { BackendCheck } from '../../read-api/read-api-deps.ts';
import { createCacheMetrics } from '../../infra/cache/cache-metrics.ts';
import type { CacheStore } from '../../infra/cache/cache-store.ts';
import { createMemoryCacheStore } from '../../infra/cache/memory-cache-store.ts';
import { createNoCacheStore } from '../../infra/cache/no-cache-store.ts';
import { createReadThroughCache, type ReadThroughCache } from '../../infra/cache/read-through-cache.ts';
import { createRedisCacheStore } from '../../infra/cache/redis-cache-store.ts';
import { createTieredCacheStore } from '../../infra/cache/tiered-cache-store.ts';
import type { Config } from '../../infra/config/config.ts';
import type { HttpGuards } from '../../infra/http/http-guards.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import type { Registry } from '../../infra/metrics/registry.ts';
import type { SqlExecutor } from '../../infra/sql/sql-client.ts';
import type { ProjectionEffects } from '../../projections/runtime/projection.ts';
import { projectionStatus } from '../../projections/runtime/projection-status.ts';
import { isCachedTag } from '../../projections/cache-tags.ts';
import { createReadApi } from '../../read-api/app.ts';
import type { TokenVerifier } from '../../read-api/http/auth.ts';
import { eventSourcedRoleCatalog } from '../../infra/auth/role-catalog.ts';
import { verifierFromConfig } from '../../infra/auth/verifier-from-config.ts';
import type { SigningKeys } from '../../infra/auth/signing-keys.ts';

/**
 * Redis when `REDIS_URL` is set (shared by every process, with a 1 s in-process tier kept current
 * by Redis pub/sub), else this process's memory, or no cache at all when the projectors run in
 * another process (`projectorsHere: false`): nothing could tell this process's memory what they
 * change.
 */
export async function openCacheStore(
  config: Pick<Config, 'REDIS_URL'>,
  options: { prefix?: string; projectorsHere?: boolean; log?: Pick<Logger, 'warn'> } = {},
): Promise<CacheStore> {
  if (!config.REDIS_URL && options.projectorsHere === false) {
    options.log?.warn(
      'the projectors run in another process and REDIS_URL is not set: read answers are not cached; set REDIS_URL to cache them',
    );
    return createNoCacheStore();
  }
  if (!config.REDIS_URL) return createMemoryCacheStore();
  const shared = createRedisCacheStore({
    url: config.REDIS_URL,
    ...(options.prefix ? { prefix: options.prefix } : {}),
  });
  return createTieredCacheStore({ shared });
}

export interface ReadSideDeps {
  config: Pick<
    Config,
    | 'REDIS_URL'
    | 'QM_READ_WAIT_MS'
    | 'QM_CACHE_TTL_SECONDS'
    | 'AUTH_JWT_SECRET'
    | 'AUTH_JWKS_URL'
    | 'AUTH_ISSUER'
    | 'AUTH_AUDIENCE'
  > &
    Partial<Pick<Config, 'AUTH_MAX_TOKEN_LIFETIME_SECONDS' | 'PORT'>>;
  /** The read-model database (the deployment's PostgreSQL or PGlite). */
  database: SqlExecutor;
  store: EventStore;
  log: Logger;
  metrics: Registry;
  /** Defaults to the write side's verifier from the same configuration. */
  verifier?: TokenVerifier;
  /** Give the cache store directly (tests, benchmarks); else `openCacheStore(config)`. */
  cacheStore?: CacheStore;
  /** Whether this process runs the projectors (default true); see `openCacheStore`. */
  projectorsHere?: boolean;
  /** Admin analytics reports in the read API (best a read-only client); left out, they are not served. */
  analytics?: AnalyticsClient;
  /** The in-process projectors' wait (`RunningProjectors.waitFor`), when they run here. */
  waitForProjections?: (names: readonly string[], position: Position, timeoutMs: number) => Promise<boolean>;
  /** This server's signing keys: their public half at `/.well-known/jwks.json`. */
  signingKeys?: SigningKeys;
  /** The HTTP guards (`openHttpGuards`); the composition root always passes them. */
  guards?: HttpGuards;
  /** The write side's imports (`openWriteSide(...).imports`), pushed on the live stream. */
  imports?: ImportJobs;
  /** Every backend of the process, for `/admin/health` (`backendChecks`); its cache is added here. */
  backends?: () => readonly BackendCheck[];
}

export interface ReadSide {
  api: ReturnType<typeof createReadApi>;
  cache: ReadThroughCache;
  /**
   * Pass as `startProjectors({ onApplied })`: drops the cache entries a committed batch changed, so
   * the next read after a projection sees it. A failure is logged, never thrown into the projector
   * (the batch is committed; entries then live until their TTL, and token-carrying reads bypass them).
   */
  onApplied: (effects: ProjectionEffects, position: Position, projection: string) => Promise<void>;
  /** One round trip to the cache store (readiness probes): Redis answers, or this process's memory. */
  pingCache: () => Promise<void>;
  /** `redis`, `memory` or `none`. */
  cacheKind: string;
  close(): Promise<void>;
}

/**
 * The read side wired from configuration: the cache (Redis or memory) with its metrics on the
 * process registry, the read API over the read models, and the hook that invalidates the cache
 * from what the projectors apply.
 */
export async function openReadSide(deps: ReadSideDeps): Promise<ReadSide> {
  const store =
    deps.cacheStore ??
    (await openCacheStore(deps.config, { projectorsHere: deps.projectorsHere ?? true, log: deps.log }));
  const cache = createReadThroughCache({
    store,
    metrics: createCacheMetrics(deps.metrics),
    log: deps.log,
    ttlMs: deps.config.QM_CACHE_TTL_SECONDS * 1000,
  });
  const api = createReadApi({
    db: deps.database,
    cache,
    verifier: deps.verifier ?? verifierFromConfig(deps.config, deps.log, eventSourcedRoleCatalog(deps.store)),
    log: deps.log,
    ...(deps.signingKeys ? { signingKeys: deps.signingKeys } : {}),
    consistencyWaitMs: deps.config.QM_READ_WAIT_MS,
    projectionStatus: () => projectionStatus({ store: deps.store, database: deps.database }),
    store: deps.store,
    headPosition: () => deps.store.headPosition(),
    ...(deps.store.isCommitted ? { isCommitted: (position) => deps.store.isCommitted!(position) } : {}),
    ...(deps.analytics ? { analytics: deps.analytics } : {}),
    ...(deps.waitForProjections ? { waitForProjections: deps.waitForProjections } : {}),
    ...(deps.guards ? { guards: deps.guards } : {}),
    ...(deps.backends ? { backends: deps.backends } : {}),
    ...(deps.imports ? { imports: deps.imports } : {}),
    ...(deps.config.PORT !== undefined ? { dashboard: { commandApiPort: deps.config.PORT } } : {}),
  });
  deps.log.info({ cache: store.kind, readWaitMs: deps.config.QM_READ_WAIT_MS }, 'read side ready');
  return {
    api,
    cache,
    onApplied: invalidateOnApply(cache, deps.log),
    pingCache: async () => void (await store.versions(['qm:ready'])),
    cacheKind: store.kind,
    close: () => store.close(),
  };
}

/**
 * The projector hook that drops the cache entries a committed batch changed, so the next read after
 * a projection sees it. A failure is logged, never thrown into the projector (the batch is
 * committed; entries then live until their TTL, and token-carrying reads bypass them).
 */
export function invalidateOnApply(
  cache: Pick<ReadThroughCache, 'invalidate'>,
  log: Logger,
): ReadSide['onApplied'] {
  return async (effects, _position, projection) => {
    // Only tags something may be cached under: the others would cost a Redis round trip and a
    // message to every read process for nothing (`isCachedTag`).
    const tags = (effects.invalidate ?? []).filter(isCachedTag);
    if (tags.length === 0) return;
    try {
      await cache.invalidate(tags);
    } catch (error) {
      log.warn({ err: error, projection, tags: tags.length }, 'could not invalidate the read cache');
    }
  };
}

/**
 * For a projector process of its own (`qm project`): invalidates the shared Redis cache the read
 * APIs use. Without REDIS_URL the cache lives in each API process's memory, which a separate
 * projector cannot reach; those processes then rely on consistency tokens and the TTL.
 */
export async function openCacheInvalidation(
  deps: Pick<ReadSideDeps, 'config' | 'log' | 'metrics'>,
): Promise<{ onApplied?: ReadSide['onApplied']; close(): Promise<void> }> {
  if (!deps.config.REDIS_URL) return { close: async () => undefined };
  const store = await openCacheStore(deps.config);
  const cache = createReadThroughCache({
    store,
    metrics: createCacheMetrics(deps.metrics),
    log: deps.log,
    ttlMs: deps.config.QM_CACHE_TTL_SECONDS * 1000,
  });
  return { onApplied: invalidateOnApply(cache, deps.log), close: () => store.close() };
}
