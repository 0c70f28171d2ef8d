import { Hono } from 'hono';
import type { EventStore } from '../../commands/ports/event-store.ts';
import { positionToToken } from '../../commands/ports/position.ts';
import type { Registry } from '../../infra/metrics/registry.ts';

/**
 * The process's own endpoints: liveness, what it runs on, and Prometheus metrics (projector
 * positions and lag, cache hit ratio, consumers). The APIs are mounted beside these by the
 * composition root.
 */
export function systemApp(store: EventStore, metrics?: Registry): Hono {
  const app = new Hono();
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
