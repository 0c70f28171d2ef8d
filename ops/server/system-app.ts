import { Hono } from 'hono';
import type { EventStore } from '../../commands/ports/event-store.ts';
import { positionToToken } from '../../commands/ports/position.ts';

/**
 * The process's own endpoints: liveness and what it runs on. The APIs are mounted beside these by
 * the composition root.
 */
export function systemApp(store: EventStore): Hono {
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
  return app;
}
