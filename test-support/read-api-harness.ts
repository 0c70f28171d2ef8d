import type { ImportJobs } from '../infra/imports/import-jobs.ts';
import { randomBytes } from 'node:crypto';
import type { Position } from '../ports/position.ts';
import { positionToToken } from '../ports/position.ts';
import type { CacheStore } from '../infra/cache/cache-store.ts';
import { createMemoryCacheStore } from '../infra/cache/memory-cache-store.ts';
import { createLogger } from '../infra/logging/logger.ts';
import { createMetricsRegistry } from '../infra/metrics/registry.ts';
import type { SqlExecutor } from '../infra/sql/sql-client.ts';
import { openCacheStore, openReadSide, type ReadSide } from '../ops/compose/read-side.ts';
import { startProjectors, type RunningProjectors } from '../ops/compose/projectors.ts';
import { cartsProjection } from '../projections/carts/projection.ts';
import { catalogProjection } from '../projections/catalog/projection.ts';
import { inventoryProjection } from '../projections/inventory/projection.ts';
import { ordersProjection } from '../projections/orders/projection.ts';
import { promotionsProjection } from '../projections/promotions/projection.ts';
import { commandHarness, type Backend, type CommandHarness } from './command-harness.ts';
import { serviceUrls } from './service-urls.ts';
import { createJwtVerifier } from '../infra/auth/jwt-verifier.ts';
import { mintToken } from '../infra/auth/mint-token.ts';

const SECRET = 'read-api-test-secret-at-least-32-characters';
export const READ_MODELS = ['catalog', 'inventory', 'orders', 'carts', 'promotions'] as const;

export type CacheKind = 'memory' | 'redis';
type Role = 'customer' | 'staff' | 'admin';

/**
 * A cache store of `kind` as `qm serve` opens it (Redis: the shared tier behind an in-process one),
 * with a key prefix of its own, so parallel runs never meet.
 */
export async function testCacheStore(kind: CacheKind): Promise<CacheStore> {
  if (kind === 'memory') return createMemoryCacheStore();
  const prefix = `qm:test:${randomBytes(6).toString('hex')}:`;
  return openCacheStore({ REDIS_URL: serviceUrls().redis }, { prefix });
}

export interface ReadApiHarness extends CommandHarness {
  readSide: ReadSide;
  projectors: RunningProjectors;
  metrics: ReturnType<typeof createMetricsRegistry>;
  /**
   * Another read side whose cache hears no invalidations (another process), on the same database
   * or on `database` (a replica of it).
   */
  openReadSide(options: {
    waitMs?: number;
    cache?: CacheKind;
    database?: SqlExecutor;
    /** The imports whose progress its live stream pushes (a write side's `memoryImportJobs`). */
    imports?: ImportJobs;
  }): Promise<ReadSide>;
  token(role: Role, subject: string): Promise<string>;
  get(
    path: string,
    options?: { as?: { role: Role; subject: string }; headers?: Record<string, string>; api?: ReadSide },
  ): Promise<Response>;
  /** Until every projector has applied everything up to `position`. */
  settle(position: Position | null): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real write side on a fresh database, the real projectors following its log, and the read
 * API over their read models, invalidating its cache from what they apply, as `qm serve` wires it.
 */
export async function readApiHarness(
  backend: Backend,
  cache: CacheKind,
  options: Parameters<typeof commandHarness>[1] = {},
): Promise<ReadApiHarness> {
  const harness = await commandHarness(backend, options);
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const metrics = createMetricsRegistry();
  const verifier = createJwtVerifier({ secret: SECRET });
  const opened: ReadSide[] = [];
  const open = async (
    options: {
      waitMs?: number;
      cache?: CacheKind;
      metrics?: typeof metrics;
      database?: SqlExecutor;
      imports?: ImportJobs;
    } = {},
  ) => {
    const side = await openReadSide({
      config: { QM_READ_WAIT_MS: options.waitMs ?? 10_000, QM_CACHE_TTL_SECONDS: 300 },
      database: options.database ?? harness.sql,
      store: harness.store,
      log,
      metrics: options.metrics ?? createMetricsRegistry(),
      verifier,
      cacheStore: await testCacheStore(options.cache ?? cache),
      ...(options.imports ? { imports: options.imports } : {}),
    });
    opened.push(side);
    return side;
  };
  const readSide = await open({ metrics });
  const projectors = await startProjectors(
    { store: harness.store, database: harness.sql, log, metrics: createMetricsRegistry() },
    {
      readModels: [
        catalogProjection(),
        inventoryProjection(),
        ordersProjection(),
        cartsProjection(),
        promotionsProjection(),
      ],
      onApplied: readSide.onApplied,
      options: { pollIntervalMs: 5 },
    },
  );
  const token = (role: Role, subject: string) => mintToken({ secret: SECRET, role, subject });
  return {
    ...harness,
    readSide,
    projectors,
    metrics,
    openReadSide: (options) => open(options),
    token,
    async get(path, options = {}) {
      const auth: Record<string, string> = options.as
        ? { authorization: `Bearer ${await token(options.as.role, options.as.subject)}` }
        : {};
      return (options.api ?? readSide).api.request(path, { headers: { ...auth, ...options.headers } });
    },
    async settle(position) {
      if (!position) return;
      const reached = await projectors.waitFor(READ_MODELS, position, 30_000);
      if (!reached) throw new Error(`projectors did not reach ${positionToToken(position)}`);
    },
    async close() {
      await projectors.stop();
      await Promise.all(opened.map((side) => side.close()));
      await harness.dispose();
    },
  };
}
