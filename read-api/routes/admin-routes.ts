import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { defaultHook } from '../../infra/http/default-hook.ts';
import { listSkips } from '../../projections/runtime/skips.ts';
import { permissionGuard, type ReadAuthEnv } from '../http/auth.ts';
import type { ReadContext } from '../http/read-context.ts';
import type { BackendCheck } from '../read-api-deps.ts';
import { authErrors, Limit, readErrors } from '../schemas/common.ts';

const tags = ['Admin'];

const json = <Schema extends z.ZodType>(schema: Schema, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const Skip = z
  .object({
    projection: z.string(),
    position: z.string().openapi({ example: '1234:1234' }),
    eventId: z.string(),
    reason: z.string(),
    skippedAt: z.string(),
  })
  .openapi('ProjectionSkip');

const Backend = z
  .object({
    name: z.string().openapi({ example: 'eventStore' }),
    kind: z.string().openapi({ example: 'postgres' }),
    status: z.enum(['ok', 'failing']),
    /** Why it failed, else null. */
    detail: z.string().nullable(),
    ms: z.number(),
  })
  .openapi('BackendHealth');

/** A backend that takes longer than this counts as failing: the page must not hang on one. */
const CHECK_TIMEOUT_MS = 2000;

async function probe(backend: BackendCheck): Promise<z.infer<typeof Backend>> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      backend.check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
    return { name: backend.name, kind: backend.kind, status: 'ok', detail: null, ms: elapsed(started) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { name: backend.name, kind: backend.kind, status: 'failing', detail, ms: elapsed(started) };
  } finally {
    clearTimeout(timer);
  }
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 10) / 10;

/** Admin views of the read side itself. */
export function adminRoutes(ctx: ReadContext) {
  const app = new OpenAPIHono<ReadAuthEnv>({ defaultHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/projections',
      summary: "Each projector's position and lag, and the event store's head (as `qm projection status`)",
      description:
        'A projector stopped on a poison event has `status: "failed"`, its `lastError`, and `stoppedOn` ' +
        '(`eventId`, `type`, `stream`, `revision`, `position`): the position to pass to ' +
        '`POST /admin/projections/{name}/skip` on the command port.',
      tags,
      ...permissionGuard('operations:manage', ctx.authenticated),
      responses: {
        200: {
          description: 'Projection status',
          content: {
            'application/json': { schema: z.record(z.string(), z.unknown()).or(z.array(z.unknown())) },
          },
        },
        ...authErrors,
      },
    }),
    async (c) => c.json(toJson(await ctx.projectionStatus()) as Record<string, unknown>, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/projections/skips',
      summary: 'The events operators passed (`qm projection skip`), newest first, each with its reason',
      tags,
      ...permissionGuard('operations:manage', ctx.authenticated),
      request: { query: z.object({ limit: Limit(500, 50) }) },
      responses: {
        200: json(z.object({ items: z.array(Skip) }), 'Skipped events'),
        ...readErrors,
        ...authErrors,
      },
    }),
    async (c) => c.json({ items: await listSkips(ctx.db, c.req.valid('query').limit) }, 200),
  );

  const backends = ctx.backends;
  if (backends) {
    app.openapi(
      createRoute({
        method: 'get',
        path: '/admin/health',
        summary:
          'Each backend this process uses (event store, read models, cache, analytics, bus): its kind, whether it answers, and how fast',
        description:
          'Unlike `/health/ready` (a probe: one verdict for balancers), this names every backend and what ' +
          'it runs on, and a failing analytics store shows here without taking the process out of service. ' +
          `Each check is given ${CHECK_TIMEOUT_MS} ms.`,
        tags,
        ...permissionGuard('operations:manage', ctx.authenticated),
        responses: {
          200: json(z.object({ backends: z.array(Backend) }), 'Every backend, checked now'),
          ...authErrors,
        },
      }),
      async (c) => c.json({ backends: await Promise.all(backends().map(probe)) }, 200),
    );
  }

  return app;
}

/** Positions are bigints in the runtime; JSON has no bigint, so they go out as strings. */
function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}
