import { headSnapshot } from './head-snapshot.ts';
import { createHash, timingSafeEqual } from 'node:crypto';
import { httpInstrumentationMiddleware } from '@hono/otel';
import { Hono, type Context } from 'hono';
import type { EventStore } from '../../ports/event-store.ts';
import { positionToToken } from '../../ports/position.ts';
import { readErrorHandler } from '../../infra/http/error-handler.ts';
import { observeRequests } from '../../infra/http/observe-requests.ts';
import { HttpProblem, problemResponse } from '../../infra/http/problem.ts';
import { routeNotFound } from '../../infra/http/route-not-found.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import { createHttpMetrics } from '../../infra/metrics/http-metrics.ts';
import type { Registry } from '../../infra/metrics/registry.ts';
import { isTracing } from '../../infra/telemetry/tracing-state.ts';
import { checkReadiness, type ReadinessCheck } from './readiness.ts';

/** Where a 5xx cause goes when the caller passes no logger, so none is dropped. */
const stderrLog: Pick<Logger, 'error'> = {
  error: (details: unknown, message?: string) => console.error(message, details),
};

export interface SystemAppOptions {
  store: EventStore;
  /** What answers on this port: `command`, `read` or `metrics`; the `api` label of the HTTP metrics. */
  api: string;
  /** The process's registry: the HTTP metrics go onto it, and `/metrics` serves it. */
  metrics?: Registry;
  /** Whether `/metrics` is served on this port (default true; false where METRICS_PORT moves it). */
  serveMetrics?: boolean;
  /** When set, `/metrics` wants `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** What `/health/ready` checks; left out, ready means the event store answers. */
  readiness?: readonly ReadinessCheck[];
  /** Receives 5xx causes and one line per request (level info). */
  log?: Logger;
}

/**
 * The process's own endpoints and what every request of a port goes through:
 * - `/health/live`: the process answers (liveness probes: restart when it does not);
 * - `/health/ready`: the event store, read-model database, bus and cache answer, and no projector
 *   here lags beyond its bound (readiness probes and balancers: send no traffic while it fails);
 * - `/health`: what it runs on, and the log's head as read within the last second (no query of
 *   its own under load: `head-snapshot.ts`);
 * - `/metrics`: Prometheus, optionally behind a bearer token, or moved to a port of its own;
 * - then, for everything mounted after (the APIs): a server span when tracing is on (Hono's
 *   OpenTelemetry middleware, continuing a caller's `traceparent`), request ids, RED metrics and
 *   one log line per request (`infra/http/observe-requests.ts`). The probes and scrapes come
 *   first, so they are neither counted nor logged.
 *
 * This is the app the server calls, so its not-found and error answers are the ones clients meet
 * for paths and methods nothing answers (a mounted API's own `notFound` is never used by Hono):
 * both are problem+json, like every other error. The APIs keep their own error handlers.
 */
export function systemApp(options: SystemAppOptions): Hono {
  const { store, metrics, log } = options;
  const app = new Hono();
  app.notFound(routeNotFound(app));
  app.onError(readErrorHandler({ log: log ?? stderrLog }));
  const currentHead = headSnapshot(store);
  app.get('/health', async (c) => {
    const head = await currentHead();
    return c.json({
      status: 'ok',
      eventStore: store.capabilities.backend,
      atomicMultiStreamAppend: store.capabilities.atomicMultiStreamAppend,
      headPosition: head ? positionToToken(head) : null,
    });
  });
  app.get('/health/live', (c) => c.json({ status: 'live' }));
  const readiness = options.readiness ?? [
    { name: 'eventStore', check: async () => void (await store.headPosition()) },
  ];
  app.get('/health/ready', async (c) => {
    const report = await checkReadiness(readiness);
    return c.json(
      { status: report.ready ? 'ready' : 'not ready', checks: report.checks },
      report.ready ? 200 : 503,
    );
  });
  if (metrics && options.serveMetrics !== false) {
    const allowed = options.metricsToken ? bearerCheck(options.metricsToken) : () => true;
    app.get('/metrics', async (c) => {
      if (!allowed(c)) return problemResponse(metricsUnauthorized(), c.req.path);
      return c.body(await metrics.metrics(), 200, { 'content-type': metrics.contentType });
    });
  }
  // Off, tracing costs not even a middleware.
  if (isTracing()) app.use('*', httpInstrumentationMiddleware({ serviceName: 'quartermaster' }));
  app.use(
    '*',
    observeRequests({
      ...(metrics ? { metrics: createHttpMetrics(metrics, options.api) } : {}),
      ...(log ? { log } : {}),
    }),
  );
  return app;
}

/** Compares digests, so neither the token's content nor its length leaks through timing. */
function bearerCheck(token: string): (c: Context) => boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  const expected = digest(`Bearer ${token}`);
  return (c) => timingSafeEqual(digest(c.req.header('authorization') ?? ''), expected);
}

function metricsUnauthorized(): HttpProblem {
  return new HttpProblem({
    status: 401,
    code: 'unauthorized',
    title: 'Unauthorized',
    detail: 'The metrics need `Authorization: Bearer <METRICS_TOKEN>`.',
    headers: { 'WWW-Authenticate': 'Bearer realm="metrics"' },
  });
}
