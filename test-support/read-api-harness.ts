import { randomBytes } from 'node:crypto';
import type { Position } from '../commands/ports/position.ts';
import { positionToToken } from '../commands/ports/position.ts';
import type { CacheStore } from '../infra/cache/cache-store.ts';
import { createMemoryCacheStore } from '../infra/cache/memory-cache-store.ts';
import { createRedisCacheStore } from '../infra/cache/redis-cache-store.ts';
import { createLogger } from '../infra/logging/logger.ts';
import { createMetricsRegistry } from '../infra/metrics/registry.ts';
import { openReadSide, type ReadSide } from '../ops/compose/read-side.ts';
import { startProjectors, type RunningProjectors } from '../ops/compose/projectors.ts';
import { catalogProjection } from '../projections/catalog/projection.ts';
import { inventoryProjection } from '../projections/inventory/projection.ts';
import { ordersProjection } from '../projections/orders/projection.ts';
import { commandHarness, type Backend, type CommandHarness } from './command-harness.ts';
import { serviceUrls } from './service-urls.ts';
import { createJwtVerifier } from '../write-api/auth/jwt-verifier.ts';
import { mintToken } from '../write-api/auth/mint-token.ts';

const SECRET = 'read-api-test-secret-at-least-32-characters';
export const READ_MODELS = ['catalog', 'inventory', 'orders'] as const;

export type CacheKind = 'memory' | 'redis';
type Role = 'customer' | 'staff' | 'admin';

/** A cache store of `kind`; a Redis one gets a key prefix of its own, so parallel runs never meet. */
export function testCacheStore(kind: CacheKind): CacheStore {
  return kind === 'redis'
    ? createRedisCacheStore({
        url: serviceUrls().redis,
        prefix: `qm:test:${randomBytes(6).toString('hex')}:`,
      })
    : createMemoryCacheStore();
}

export interface ReadApiHarness extends CommandHarness {
  readSide: ReadSide;
  projectors: RunningProjectors;
  metrics: ReturnType<typeof createMetricsRegistry>;
  /** Another read side on the same database whose cache hears no invalidations (another process). */
  openReadSide(options: { waitMs?: number; cache?: CacheKind; invalidated?: boolean }): ReadSide;
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
export async function readApiHarness(backend: Backend, cache: CacheKind): Promise<ReadApiHarness> {
  const harness = await commandHarness(backend);
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const metrics = createMetricsRegistry();
  const verifier = createJwtVerifier({ secret: SECRET });
  const opened: ReadSide[] = [];
  const open = (options: { waitMs?: number; cache?: CacheKind; metrics?: typeof metrics } = {}) => {
    const side = openReadSide({
      config: { QM_READ_WAIT_MS: options.waitMs ?? 10_000, QM_CACHE_TTL_SECONDS: 300 },
      database: harness.sql,
      store: harness.store,
      log,
      metrics: options.metrics ?? createMetricsRegistry(),
      verifier,
      cacheStore: testCacheStore(options.cache ?? cache),
    });
    opened.push(side);
    return side;
  };
  const readSide = open({ metrics });
  const projectors = await startProjectors(
    { store: harness.store, database: harness.sql, log, metrics: createMetricsRegistry() },
    {
      readModels: [catalogProjection(), inventoryProjection(), ordersProjection()],
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
