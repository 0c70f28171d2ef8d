import type { Position } from '../../ports/event-store.ts';
import type { Config } from '../../infra/config/config.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import { createMetricsRegistry, type Registry } from '../../infra/metrics/registry.ts';
import { createAnalyticsProjection } from '../../projections/analytics/analytics-projection.ts';
import { openDeploymentAnalytics } from './analytics.ts';
import { openDatabase } from './database.ts';
import { openEventStore } from './event-store.ts';
import { openBus, startFanout } from './fanout.ts';
import { startForecasting } from './forecasting.ts';
import {
  deploymentReadModels,
  projectorSessions,
  startProjectors,
  type RunningProjectors,
} from './projectors.ts';
import { openReadSide } from './read-side.ts';
import { openWriteSide } from './write-side.ts';

/** Which background parts a `qm serve` process runs beside its two APIs. */
export interface SystemParts {
  /** Read-model projectors and the ClickHouse projector (one active instance per deployment). */
  projectors: boolean;
  /** The NATS/in-process publisher, the notification and the forecasting consumers. */
  fanout: boolean;
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
    const writeSide = await openWriteSide(config, store, database, log);
    closers.push(() => writeSide.stop());

    // Writer and read-only reader are separate sessions: ClickHouse settings stick to a session.
    const analytics = await openDeploymentAnalytics(config, log);
    closers.push(() => analytics.close());
    const analyticsReader = await openDeploymentAnalytics(config, log, { readonly: true });
    closers.push(() => analyticsReader.close());

    // The read API waits on the projectors of this process when it runs them, else on checkpoints.
    let projectors: RunningProjectors | undefined;
    const readSide = await openReadSide({
      config,
      database,
      store,
      log,
      metrics,
      analytics: analyticsReader,
      projectorsHere: parts.projectors,
      waitForProjections: (names: readonly string[], position: Position, timeoutMs: number) =>
        projectors ? projectors.waitFor(names, position, timeoutMs) : Promise.resolve(false),
    });
    closers.push(() => readSide.close());

    if (parts.projectors) {
      const openSession = projectorSessions(config);
      projectors = await startProjectors(
        { store, database, log, metrics, ...(openSession ? { openSession } : {}) },
        {
          readModels: deploymentReadModels(),
          sinks: [createAnalyticsProjection({ analytics, log })],
          onApplied: readSide.onApplied,
        },
      );
      const running = projectors;
      closers.push(() => running.stop());
    }

    if (parts.fanout) {
      const bus = await openBus(config, log, database);
      closers.push(() => bus.close());
      const fanout = await startFanout({ config, store, database, log, metrics, bus });
      closers.push(() => fanout.stop());
      const forecasting = await startForecasting({
        config,
        bus,
        database,
        handlers: writeSide.handlers,
        log,
      });
      closers.push(() => forecasting.stop());
    }

    return { store, database, metrics, writeApi: writeSide.api, readApi: readSide.api, close };
  } catch (error) {
    await close();
    throw error;
  }
}
