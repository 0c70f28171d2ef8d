import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { EventStore, RecordedEvent } from '../../ports/event-store.ts';
import { parsePositionToken, positionToToken } from '../../ports/position.ts';
import { hasPermission } from '../../infra/auth/grants.ts';
import { defaultHook } from '../../infra/http/default-hook.ts';
import type { ImportJobs, ImportStatus } from '../../infra/imports/import-jobs.ts';
import { validationProblem } from '../../infra/http/validation-problem.ts';
import { lowStock } from '../../projections/inventory/queries.ts';
import type { InventoryDatabase } from '../../projections/inventory/tables.ts';
import { permissionGuard, type ReadAuthEnv } from '../http/auth.ts';
import type { ReadContext } from '../http/read-context.ts';
import { authErrors, Text } from '../schemas/common.ts';

export interface LiveRoutesDeps {
  ctx: ReadContext;
  store: EventStore;
  /** The imports running in this process (the command API starts them), for `import-progress`. */
  imports?: ImportJobs;
  /** How often the snapshots (projection status, low-stock crossings) are taken; default 2 s. */
  intervalMs?: number;
}

/** The reconnection delay the browser is told to use. */
const RETRY_MS = 2000;

/**
 * Server-sent events for the dashboard (docs/dashboard.md): what each kind needs, the route itself
 * needing `stock:read` (staff and admins):
 *
 * - `order-placed` (`orders:act-for-others`), one per `OrderPlaced` event of the log, with the
 *   event's position as its id. A reconnection with `Last-Event-ID` reads the log after that
 *   position, so no order between is lost and none is sent twice.
 * - `low-stock` (`stock:read`): a level that went at or below its threshold since the previous
 *   look at the inventory read model (taken every `intervalMs`; the first look sets the baseline).
 * - `projections` (`operations:manage`): every projector's status, position and lag, which shows a
 *   replay's generation catching up.
 * - `import-progress` (`catalog:write`): a bulk import's counts as its rows run (at most four a
 *   second per import, and once when it finishes, with its row errors then).
 */
export function liveRoutes(deps: LiveRoutesDeps) {
  const app = new OpenAPIHono<ReadAuthEnv>({ defaultHook });
  const intervalMs = deps.intervalMs ?? 2000;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/live/events',
      summary: 'Live updates for the dashboard: new orders, low-stock crossings, projection status (SSE)',
      description:
        "A `text/event-stream`. Each kind is sent only to a caller holding its permission: `order-placed` (orders:act-for-others, with the log position as the event id; reconnect with `Last-Event-ID` to resume after it), `low-stock` (stock:read), `projections` (operations:manage), `import-progress` (catalog:write: an import's counts, its row errors once finished).",
      tags: ['Live'],
      ...permissionGuard('stock:read', deps.ctx.authenticated),
      request: {
        headers: z.object({
          'last-event-id': Text.max(100).optional().openapi({
            description: 'The id of the last event received: resume after it.',
            example: '1234:56',
          }),
        }),
      },
      responses: {
        200: {
          description: 'The event stream; it stays open until the client leaves',
          content: { 'text/event-stream': { schema: z.string() } },
        },
        400: {
          description: 'Last-Event-ID is not an id this route sent',
          content: { 'application/problem+json': { schema: z.object({ detail: z.string() }) } },
        },
        ...authErrors,
      },
    }),
    (c) => {
      const given = c.req.valid('header')['last-event-id'];
      const from = given === undefined ? 'end' : parsePositionToken(given);
      if (from === null) {
        throw validationProblem([
          { path: 'header.last-event-id', message: 'must be an event id this stream sent, like 1234:56' },
        ]);
      }
      const actor = c.var.actor;
      return streamSSE(
        c,
        async (stream) => {
          const stop = new AbortController();
          stream.onAbort(() => stop.abort());
          await stream.write(`retry: ${RETRY_MS}\n\n`);
          await Promise.all([
            hasPermission(actor, 'orders:act-for-others')
              ? followOrders(stream, deps.store, from, stop.signal)
              : Promise.resolve(),
            deps.imports && hasPermission(actor, 'catalog:write')
              ? followImports(stream, deps.imports, stop.signal)
              : Promise.resolve(),
            takeSnapshots(stream, deps.ctx, intervalMs, stop.signal, {
              lowStock: hasPermission(actor, 'stock:read'),
              projections: hasPermission(actor, 'operations:manage'),
            }),
          ]).finally(() => stop.abort());
        },
        async (error, stream) => {
          deps.ctx.log.warn({ err: error }, 'live events: stream ended by an error');
          await stream.writeSSE({
            event: 'error',
            data: JSON.stringify({ detail: 'The stream failed; reconnect.' }),
          });
        },
      );
    },
  );

  return app;
}

async function followOrders(
  stream: SSEStreamingApi,
  store: EventStore,
  from: NonNullable<ReturnType<typeof parsePositionToken>> | 'end',
  signal: AbortSignal,
): Promise<void> {
  const subscription = store.subscribe({
    from,
    filter: { categories: ['order'], eventTypes: ['OrderPlaced'] },
    signal,
  });
  signal.addEventListener('abort', () => void subscription.stop(), { once: true });
  for await (const event of subscription) {
    if (signal.aborted) break;
    await stream.writeSSE({
      id: positionToToken(event.position),
      event: 'order-placed',
      data: JSON.stringify(orderPlaced(event)),
    });
  }
}

/** Until the client leaves: each import's progress as the job reports it (throttled there). */
async function followImports(
  stream: SSEStreamingApi,
  imports: ImportJobs,
  signal: AbortSignal,
): Promise<void> {
  if (signal.aborted) return;
  let writes = Promise.resolve();
  const unsubscribe = imports.subscribe((status) => {
    // In order, one at a time: a finish must not overtake the progress before it.
    writes = writes
      .then(() => stream.writeSSE({ event: 'import-progress', data: JSON.stringify(progressOf(status)) }))
      .catch(() => undefined);
  });
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  unsubscribe();
}

/** The row errors go out once, with the finish: a running import's count of them is enough. */
const progressOf = (status: ImportStatus) =>
  status.state === 'finished' ? status : { ...status, errors: [] };

/** Only what the dashboard shows: never the address or other personal fields of the event. */
function orderPlaced(event: RecordedEvent) {
  const data = event.data as {
    orderId: string;
    customerId: string;
    totals: { total: { amount: number; currency: string } };
  };
  return {
    orderId: data.orderId,
    customerId: data.customerId,
    total: data.totals.total,
    at: event.metadata.occurredAt,
  };
}

async function takeSnapshots(
  stream: SSEStreamingApi,
  ctx: ReadContext,
  intervalMs: number,
  signal: AbortSignal,
  kinds: { lowStock: boolean; projections: boolean },
): Promise<void> {
  let seenLow: Set<string> | null = null;
  while (!signal.aborted) {
    if (kinds.projections) {
      const status = JSON.stringify(await ctx.projectionStatus(), (_key, value: unknown) =>
        typeof value === 'bigint' ? value.toString() : value,
      );
      await stream.writeSSE({ event: 'projections', data: status });
    } else {
      await stream.write(': keep-alive\n\n');
    }
    if (kinds.lowStock) {
      const levels = await ctx.readModels
        .read<InventoryDatabase, Awaited<ReturnType<typeof lowStock>>>('inventory', ({ db }) =>
          lowStock(db, { limit: 1000 }),
        )
        .catch(() => null); // not built yet: try again at the next look
      if (levels) {
        const now = new Set(levels.map((level) => `${level.sku}@${level.location}`));
        for (const level of levels) {
          if (seenLow && !seenLow.has(`${level.sku}@${level.location}`)) {
            await stream.writeSSE({
              event: 'low-stock',
              data: JSON.stringify({
                sku: level.sku,
                location: level.location,
                available: level.available,
                threshold: level.lowStockThreshold,
              }),
            });
          }
        }
        seenLow = now;
      }
    }
    await stream.sleep(intervalMs);
  }
}
