import { Hono } from 'hono';
import type { EventStore } from '../../ports/event-store.ts';
import { positionToToken } from '../../ports/position.ts';
import { readErrorHandler } from '../../infra/http/error-handler.ts';
import { routeNotFound } from '../../infra/http/route-not-found.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import type { Registry } from '../../infra/metrics/registry.ts';

/** Where a 5xx cause goes when the caller passes no logger, so none is dropped. */
const stderrLog: Pick<Logger, 'error'> = {
  error: (details: unknown, message?: string) => console.error(message, details),
};

/**
 * The process's own endpoints: liveness, what it runs on, and Prometheus metrics (projector
 * positions and lag, cache hit ratio, consumers). The APIs are mounted beside these by the
 * composition root.
 *
 * This is the app the server calls, so its not-found and error answers are the ones clients meet
 * for paths and methods nothing answers (a mounted API's own `notFound` is never used by Hono):
 * both are problem+json, like every other error. The APIs keep their own error handlers.
 */
export function systemApp(store: EventStore, metrics?: Registry, log?: Pick<Logger, 'error'>): Hono {
  const app = new Hono();
  app.notFound(routeNotFound(app));
  app.onError(readErrorHandler({ log: log ?? stderrLog }));
  app.get('/health', async (c) => {
    const head = await store.headPosition();
    return c.json({
      status: 'ok',
      eventStore: store.capabilities.backend,
      atomicMultiStreamAppend: store.capabilities.atomicMultiStreamAppend,
      headPosition: head ? positionToToken(head) : null,
    });
  });
  if (metrics) {
    app.get('/metrics', async (c) =>
      c.body(await metrics.metrics(), 200, { 'content-type': metrics.contentType }),
    );
  }
  return app;
}
