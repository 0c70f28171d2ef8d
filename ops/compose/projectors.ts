import type { EventStore, Position } from '../../ports/event-store.ts';
import { createAnalyticsProjection } from '../../projections/analytics/analytics-projection.ts';
import type { Config } from '../../infra/config/config.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import type { Registry } from '../../infra/metrics/registry.ts';
import { openPgSession, type SqlSession } from '../../infra/sql/pg-session.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { publisherProjection } from '../../projections/publisher/publisher-projection.ts';
import { readModelProjections } from '../../projections/read-models.ts';
import { waitForCheckpoint } from '../../projections/runtime/checkpoints.ts';
import type {
  AnyReadModelProjection,
  ProjectionEffects,
  SinkProjection,
} from '../../projections/runtime/projection.ts';
import {
  startReadModelProjector,
  startSinkProjector,
  type ProjectorDeps,
  type ProjectorOptions,
  type RunningProjector,
} from '../../projections/runtime/projector-runner.ts';
import { replayProjection, type ReplaySubject } from '../../projections/runtime/replay.ts';
import { createLogTail, type LogTail } from '../../projections/runtime/log-tail.ts';
import { createMetricsRegistry } from '../../infra/metrics/registry.ts';
import { openDeploymentAnalytics } from './analytics.ts';
import { openDatabase } from './database.ts';
import { openEventStore } from './event-store.ts';
import { openBus } from './fanout.ts';

/** The advisory-lock sessions of a PostgreSQL deployment; none on PGlite (one process holds it). */
export function projectorSessions(
  config: Config,
  label = 'qm-projector',
): (() => Promise<SqlSession>) | undefined {
  const url = config.DATABASE_URL;
  return url ? () => openPgSession(url, label) : undefined;
}

export interface StartProjectorsOptions {
  readModels: readonly AnyReadModelProjection[];
  /** Sinks built by their owners' composition (ClickHouse, publisher). */
  sinks?: readonly SinkProjection[];
  /** After each committed batch of any projector (the read cache invalidates tags here). */
  onApplied?: (effects: ProjectionEffects, position: Position, projection: string) => void | Promise<void>;
  /** Runtime knobs for every projector (batch size, poll interval, lease...). */
  options?: Omit<ProjectorOptions, 'onApplied'>;
}

export interface RunningProjectors {
  readonly projectors: readonly RunningProjector[];
  /** The log as these projectors read it, for a sink of this process started apart (the publisher). */
  readonly tail: LogTail;
  get(name: string): RunningProjector | undefined;
  /** Read-your-writes: until every named projector's checkpoint passed `position`, bounded. */
  waitFor(names: readonly string[], position: Position, timeoutMs: number): Promise<boolean>;
  /** Stops every projector (each finishes its batch and releases its lease). */
  stop(): Promise<void>;
}

/**
 * Starts one projector per read model and sink. Each waits for its lease (one active instance per
 * deployment) and follows the log from its checkpoint; resolves once all are registered, so every
 * read model's serving schema exists.
 */
export async function startProjectors(
  deps: ProjectorDeps,
  { readModels, sinks = [], onApplied, options = {} }: StartProjectorsOptions,
): Promise<RunningProjectors> {
  const started: RunningProjector[] = [];
  // One read of the log for all of them (see `createLogTail`). A tail that feeds only sinks which
  // linger between batches (the API's ClickHouse sink beside `qm work`) reads no more often than
  // they take a batch: at the default 10 ms it read the log a hundred times a second under load.
  const lingers = readModels.length === 0 ? sinks.map((sink) => sink.lingerMs ?? 0) : [];
  const slowest = lingers.length > 0 ? Math.min(...lingers) : 0;
  const tail =
    options.tail ??
    createLogTail(deps.store, { log: deps.log, ...(slowest > 0 ? { pollIntervalMs: slowest } : {}) });
  const forName = (name: string): ProjectorOptions => ({
    rebuild: (projection) => rebuildInBackground(deps, projection),
    ...options,
    tail,
    ...(onApplied ? { onApplied: (effects, position) => onApplied(effects, position, name) } : {}),
  });
  try {
    for (const projection of readModels) {
      started.push(await startReadModelProjector(deps, projection, forName(projection.name)));
    }
    for (const projection of sinks) {
      started.push(await startSinkProjector(deps, projection, forName(projection.name)));
    }
  } catch (error) {
    await Promise.all(started.map((projector) => projector.stop()));
    await tail.stop();
    throw error;
  }
  const byName = new Map(started.map((projector) => [projector.name, projector]));
  return {
    projectors: started,
    tail,
    get: (name) => byName.get(name),
    async waitFor(names, position, timeoutMs) {
      const local = names.map((name) => byName.get(name));
      if (local.every((projector) => projector?.active)) {
        const results = await Promise.all(local.map((projector) => projector!.waitFor(position, timeoutMs)));
        return results.every(Boolean);
      }
      return waitForCheckpoint(deps.database, names, position, timeoutMs);
    },
    async stop() {
      await Promise.all(started.map((projector) => projector.stop()));
      await tail.stop();
    },
  };
}

/** A read model whose code changed, rebuilt blue/green by its own projector, with progress in the log. */
async function rebuildInBackground(deps: ProjectorDeps, projection: AnyReadModelProjection): Promise<void> {
  let lastReport = 0;
  await replayProjection(
    deps,
    { kind: 'read_model', projection },
    {
      onProgress: ({ events, total }) => {
        if (performance.now() - lastReport < 5000) return;
        lastReport = performance.now();
        deps.log.info({ projection: projection.name, events, total }, 'rebuilding a changed read model');
      },
    },
  );
}

export interface CatalogContext {
  config: Config;
  store: EventStore;
  database: SqlClient;
  log: Logger;
  metrics: Registry;
}

/**
 * Every projection this deployment knows, for the `qm` tools: the read models, and the sinks, which
 * are opened only when asked for (they need their server: ClickHouse, NATS).
 */
export interface ProjectionCatalog {
  readModels: readonly AnyReadModelProjection[];
  sinkNames: readonly string[];
  /** Opens a sink by name, with what closes the client it opened. */
  openSink(name: string): Promise<{ projection: SinkProjection; close(): Promise<void> } | null>;
  /** The projection named `name` as `replayProjection` takes it, and what to close afterwards. */
  subject(name: string): Promise<{ subject: ReplaySubject; close(): Promise<void> } | null>;
}

export function projectionCatalog(
  context: CatalogContext,
  readModels: readonly AnyReadModelProjection[],
): ProjectionCatalog {
  const openSink: ProjectionCatalog['openSink'] = async (name) => {
    if (name === 'analytics') {
      const analytics = await openDeploymentAnalytics(context.config, context.log);
      return {
        projection: createAnalyticsProjection({ analytics, log: context.log }),
        close: () => analytics.close(),
      };
    }
    if (name === 'publisher') {
      const bus = await openBus(context.config, context.log, context.database);
      return { projection: publisherProjection(bus), close: () => bus.close() };
    }
    return null;
  };
  return {
    readModels,
    sinkNames: ['analytics', 'publisher'],
    openSink,
    async subject(name) {
      const readModel = readModels.find((projection) => projection.name === name);
      if (readModel) {
        return { subject: { kind: 'read_model', projection: readModel }, close: async () => undefined };
      }
      const sink = await openSink(name);
      return sink
        ? { subject: { kind: 'sink', projection: sink.projection }, close: () => sink.close() }
        : null;
    },
  };
}

/** The read models of this deployment (fresh objects each call). */
export function deploymentReadModels(): AnyReadModelProjection[] {
  return readModelProjections();
}

export interface ProjectorContext extends CatalogContext {
  catalog: ProjectionCatalog;
  openSession: (() => Promise<SqlSession>) | undefined;
  close(): Promise<void>;
}

/** Database, event store and projection catalog for the `qm` projection tools. */
export async function openProjectorContext(config: Config, log: Logger): Promise<ProjectorContext> {
  const database = await openDatabase(config, log);
  const store = await openEventStore(config, database);
  const metrics = createMetricsRegistry();
  const context: CatalogContext = { config, store, database, log, metrics };
  return {
    ...context,
    catalog: projectionCatalog(context, deploymentReadModels()),
    openSession: projectorSessions(config),
    async close() {
      await store.close();
      await database.close();
    },
  };
}
