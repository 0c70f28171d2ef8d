import type { Gauge } from 'prom-client';
import type { EventStore } from '../../ports/event-store.ts';
import type { EventBus } from '../../infra/bus/event-bus.ts';
import type { AnalyticsClient } from '../../infra/analytics/analytics-client.ts';
import type { BackendCheck } from '../../read-api/read-api-deps.ts';
import type { Registry } from '../../infra/metrics/registry.ts';
import type { SqlExecutor } from '../../infra/sql/sql-client.ts';
import type { ReadinessCheck } from '../server/readiness.ts';

export interface ReadinessParts {
  store: EventStore;
  /** The read-model database. */
  database: SqlExecutor;
  /** Left out where this process runs no fan-out. */
  bus?: EventBus;
  /** A round trip to the read cache (Redis, or this process's memory). */
  cache?: () => Promise<void>;
  metrics: Registry;
  /** Projectors of this process further behind than this fail the check; 0 turns the check off. */
  maxLagSeconds: number;
}

/**
 * What `/health/ready` asks of a `qm serve` process: the event store, the read-model database, the
 * bus and the cache answer, and no projector running here is further behind than allowed.
 */
export function readinessChecks(parts: ReadinessParts): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [
    { name: 'eventStore', check: async () => void (await parts.store.headPosition()) },
    { name: 'readModels', check: async () => void (await parts.database.query('select 1')) },
  ];
  if (parts.bus) checks.push({ name: 'bus', check: () => parts.bus!.ping() });
  if (parts.cache) checks.push({ name: 'cache', check: parts.cache });
  if (parts.maxLagSeconds > 0) {
    checks.push({ name: 'projectionLag', check: () => checkLag(parts.metrics, parts.maxLagSeconds) });
  }
  return checks;
}

/**
 * Reads the projectors' own lag gauges (measured every few seconds by each active projector), so a
 * probe costs no query. Only projectors holding their lease here count: a standby's gauge is stale.
 */
async function checkLag(metrics: Registry, maxLagSeconds: number): Promise<void> {
  const lag = metrics.getSingleMetric('qm_projection_lag_seconds') as Gauge | undefined;
  const active = metrics.getSingleMetric('qm_projection_active') as Gauge | undefined;
  if (!lag || !active) return;
  const activeHere = new Set(
    (await active.get()).values.filter((v) => v.value === 1).map((v) => String(v.labels.projection)),
  );
  const behind = (await lag.get()).values
    .filter((v) => activeHere.has(String(v.labels.projection)) && v.value > maxLagSeconds)
    .map((v) => `${String(v.labels.projection)} ${v.value.toFixed(1)} s`);
  if (behind.length > 0) {
    throw new Error(`projectors behind by more than ${maxLagSeconds} s: ${behind.join(', ')}`);
  }
}

export interface BackendParts {
  store: EventStore;
  database: SqlExecutor;
  /** `postgres` or `pglite`: what the read models live on. */
  databaseKind: string;
  cache: { kind: string; ping: () => Promise<void> };
  analytics?: AnalyticsClient;
  bus?: EventBus;
}

/**
 * Every backend of a `qm serve` process for `/admin/health` (the dashboard's System page): the same
 * round trips as the readiness checks, plus the analytics store, each with what it runs on. The
 * analytics store is not a readiness check: reports failing must not take the APIs out of service.
 */
export function backendChecks(parts: BackendParts): BackendCheck[] {
  const checks: BackendCheck[] = [
    {
      name: 'eventStore',
      kind: parts.store.capabilities.backend,
      check: async () => void (await parts.store.headPosition()),
    },
    {
      name: 'readModels',
      kind: parts.databaseKind,
      check: async () => void (await parts.database.query('select 1')),
    },
    { name: 'cache', kind: parts.cache.kind, check: parts.cache.ping },
  ];
  const { analytics, bus } = parts;
  if (analytics) {
    checks.push({
      name: 'analytics',
      kind: analytics.backend,
      check: async () => {
        const answer = await analytics.client.query({ query: 'SELECT 1', format: 'JSONEachRow' });
        await answer.json();
      },
    });
  }
  if (bus) checks.push({ name: 'bus', kind: bus.kind, check: () => bus.ping() });
  return checks;
}
