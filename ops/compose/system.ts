import type { Position } from '../../ports/event-store.ts';
import type { ProjectionEffects } from '../../projections/runtime/projection.ts';
import type { Config } from '../../infra/config/config.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import { createMetricsRegistry, type Registry } from '../../infra/metrics/registry.ts';
import { createAnalyticsProjection } from '../../projections/analytics/analytics-projection.ts';
import { openDeploymentAnalytics } from './analytics.ts';
import { openDatabase, openReadDatabase } from './database.ts';
import { openEventStore } from './event-store.ts';
import { openBus, startFanout } from './fanout.ts';
import { openHttpGuards } from './http-guards.ts';
import { startForecasting } from './forecasting.ts';
import {
  deploymentReadModels,
  projectorSessions,
  startProjectors,
  type RunningProjectors,
} from './projectors.ts';
import { openReadSide } from './read-side.ts';
import { backendChecks, readinessChecks } from './readiness-checks.ts';
import type { BackendCheck } from '../../read-api/read-api-deps.ts';
import type { EventBus } from '../../infra/bus/event-bus.ts';
import { openWriteSide } from './write-side.ts';
import { reportSchedulerLease, startReportSchedules } from './report-schedules.ts';
import { openAuth } from './auth.ts';
import { verifierFromConfig } from '../../infra/auth/verifier-from-config.ts';
import { eventSourcedRoleCatalog } from '../../infra/auth/role-catalog.ts';

/** Which background parts a `qm serve` process runs beside its two APIs. */
export interface SystemParts {
  /** Read-model projectors and the ClickHouse projector (one active instance per deployment). */
  projectors: boolean;
  /** The NATS/in-process publisher, the notification and the forecasting consumers. */
  fanout: boolean;
  /**
   * Runs the ClickHouse projector here even without the read-model projectors: embedded chDB lets
   * one process open its directory, and the read API's reports read it, so with a background
   * worker (`qm work`) the analytics sink stays beside the API. Default: with `projectors`.
   */
  analyticsSink?: boolean;
  /**
   * The read models are projected by a worker process this one supervises, which reports each
   * batch's cache invalidations (`invalidate`): the memory cache stays usable without Redis.
   */
  supervisedProjectors?: boolean;
  /** False in a process that serves neither API (`qm work`): no analytics reader is opened. */
  serveApis?: boolean;
  /** Where this process's projectors report a committed batch, instead of its own read side's cache. */
  onApplied?: (effects: ProjectionEffects, position: Position, projection: string) => Promise<void>;
}

/**
 * The whole system in one process, wired from configuration: write side, read side, projectors,
 * fan-out and consumers. Embedded (no URLs) this is the complete product on PGlite, chDB, the
 * in-process bus and the memory cache; with URLs, several such processes share the servers, and
 * the leases keep one active projector of each kind among them.
 */
export async function openSystem(config: Config, log: Logger, parts: SystemParts) {
  const metrics: Registry = createMetricsRegistry({ processMetrics: true });
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) {
      await closer().catch((error: unknown) => log.error({ err: error }, 'could not stop a part cleanly'));
    }
  };
  try {
    const database = await openDatabase(config, log);
    closers.push(() => database.close());
    const store = await openEventStore(config, database);
    closers.push(() => store.close());
    const http = openHttpGuards(config, log);
    closers.push(() => http.close());
    const auth = await openAuth(config, database, log);
    closers.push(() => auth.close());
    const writeSide = await openWriteSide(config, store, database, log, http.guards, {
      opened: auth,
      bruteForce: http.bruteForce,
    });
    closers.push(() => writeSide.stop());

    // Writer and read-only reader are separate sessions: ClickHouse settings stick to a session.
    // Each is opened only where it is used: embedded chDB lets one process open its directory.
    const analyticsSink = parts.analyticsSink ?? parts.projectors;
    // The writer also creates the analytics database, which the read-only reader needs to exist.
    const serveApis = parts.serveApis !== false;
    const analytics = analyticsSink || serveApis ? await openDeploymentAnalytics(config, log) : undefined;
    if (analytics) closers.push(() => analytics.close());
    const analyticsReader = serveApis
      ? await openDeploymentAnalytics(config, log, { readonly: true })
      : undefined;
    if (analyticsReader) closers.push(() => analyticsReader.close());
    // Saved reports are mailed where they can be run: beside the analytics reader.
    if (analyticsReader) {
      const reportSchedules = await startReportSchedules({
        runtime: writeSide.runtime,
        database,
        analytics: analyticsReader,
        log,
        lease: reportSchedulerLease(config, database, log),
      });
      closers.push(() => reportSchedules.stop());
    }

    // A replica: the read API reads there, and waits on the checkpoints the replica has replayed.
    const replica = openReadDatabase(config, log);
    if (replica) closers.push(() => replica.close());
    // Else it waits on the projectors of this process when it runs them, else on checkpoints (the
    // read models' own default).
    let projectors: RunningProjectors | undefined;
    // Filled once the bus is open (below); `/admin/health` asks for them at each request.
    let backends: readonly BackendCheck[] = [];
    const readSide = await openReadSide({
      backends: () => backends,
      imports: writeSide.imports,
      config,
      database: replica ?? database,
      store,
      log,
      metrics,
      ...(analyticsReader ? { analytics: analyticsReader } : {}),
      projectorsHere: parts.projectors || (parts.supervisedProjectors ?? false),
      guards: http.guards,
      // One verifier for both APIs: this server's keys and the one revocation list.
      verifier: verifierFromConfig(config, log, eventSourcedRoleCatalog(store), {
        keys: auth.keys,
        revocations: auth.revocations,
      }),
      signingKeys: auth.keys,
      ...(parts.projectors && !replica
        ? {
            waitForProjections: (names: readonly string[], position: Position, timeoutMs: number) =>
              projectors!.waitFor(names, position, timeoutMs),
          }
        : {}),
    });
    closers.push(() => readSide.close());

    if (parts.projectors || analyticsSink) {
      const openSession = projectorSessions(config);
      projectors = await startProjectors(
        { store, database, log, metrics, ...(openSession ? { openSession } : {}) },
        {
          readModels: parts.projectors ? deploymentReadModels() : [],
          sinks: analytics && analyticsSink ? [createAnalyticsProjection({ analytics, log })] : [],
          onApplied: parts.onApplied ?? readSide.onApplied,
        },
      );
      const running = projectors;
      closers.push(() => running.stop());
    }

    let bus: EventBus | undefined;
    if (parts.fanout) {
      const opened = await openBus(config, log, database);
      bus = opened;
      closers.push(() => opened.close());
      const fanout = await startFanout({
        config,
        store,
        database,
        log,
        metrics,
        bus: opened,
        // Shared only with read models here: the API process's tail feeds its ClickHouse sink
        // alone, and reads no more often than that sink takes a batch (see `startProjectors`).
        ...(projectors && parts.projectors ? { tail: projectors.tail } : {}),
      });
      closers.push(() => fanout.stop());
      const forecasting = await startForecasting({
        config,
        bus: opened,
        database,
        handlers: writeSide.handlers,
        log,
      });
      closers.push(() => forecasting.stop());
    }

    backends = backendChecks({
      store,
      database: replica ?? database,
      databaseKind: config.DATABASE_URL ? 'postgres' : 'pglite',
      cache: { kind: readSide.cacheKind, ping: readSide.pingCache },
      ...(analyticsReader ? { analytics: analyticsReader } : {}),
      ...(bus ? { bus } : {}),
    });
    const readiness = readinessChecks({
      store,
      database,
      ...(bus ? { bus } : {}),
      cache: readSide.pingCache,
      metrics,
      maxLagSeconds: config.QM_READY_MAX_LAG_SECONDS,
    });
    return {
      store,
      database,
      metrics,
      bus,
      readiness,
      writeApi: writeSide.api,
      readApi: readSide.api,
      /** Drops what a batch projected elsewhere changed (a supervised worker's report). */
      invalidate: (tags: readonly string[]) => readSide.cache.invalidate(tags),
      bruteForce: http.bruteForce,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
