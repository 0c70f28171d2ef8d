import { cors } from 'hono/cors';
import type { Config } from '../../infra/config/config.ts';
import { corsOriginsOf } from '../compose/http-guards.ts';
import { verifierFromConfig } from '../../infra/auth/verifier-from-config.ts';
import { eventSourcedRoleCatalog } from '../../infra/auth/role-catalog.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import { deploymentReadModels, projectionCatalog, projectorSessions } from '../compose/projectors.ts';
import type { openSystem } from '../compose/system.ts';
import { adminOperations } from './admin-operations.ts';
import { systemApp } from './system-app.ts';

type OpenSystem = Awaited<ReturnType<typeof openSystem>>;

/**
 * What each port of `qm serve` answers: the command API (with the admin operations), the read API,
 * and, when METRICS_PORT moves them there, the metrics; each behind the process's own endpoints
 * (`system-app.ts`: health, metrics, request ids, RED metrics, request logs, tracing).
 */
export function systemPortApps(
  config: Config,
  log: Logger,
  system: OpenSystem,
  options: { metricsPort: boolean },
) {
  const port = (api: string) =>
    systemApp({
      api,
      store: system.store,
      metrics: system.metrics,
      serveMetrics: !options.metricsPort || api === 'metrics',
      ...(config.METRICS_TOKEN ? { metricsToken: config.METRICS_TOKEN } : {}),
      readiness: system.readiness,
      log,
    });
  const command = port('command');
  // Before the command API, whose authentication and Idempotency-Key checks match every path. Its
  // CORS middleware runs only for what reaches it, so these routes get their own: the dashboard
  // starts replays from the read API's origin (docs/dashboard.md).
  const origins = corsOriginsOf(config);
  if (origins.length > 0) {
    command.use(
      '/admin/*',
      cors({
        origin: origins,
        credentials: true,
        allowHeaders: ['Authorization', 'Content-Type'],
        maxAge: 600,
      }),
    );
  }
  command.route('/', adminOperationsOf(config, log, system));
  command.route('/', system.writeApi);
  const read = port('read');
  read.route('/', system.readApi);
  return { command, read, metrics: port('metrics') };
}

/** The admin API's operations (replay, skip, mail), on this process's own store and database. */
function adminOperationsOf(config: Config, log: Logger, system: OpenSystem) {
  const context = { config, store: system.store, database: system.database, log, metrics: system.metrics };
  return adminOperations({
    projector: {
      ...context,
      catalog: projectionCatalog(context, deploymentReadModels()),
      openSession: projectorSessions(config),
    },
    verifier: verifierFromConfig(config, log, eventSourcedRoleCatalog(system.store)),
    log,
  });
}
