import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { defaultHook } from '../../infra/http/default-hook.ts';
import { permissionGuard, type ReadAuthEnv } from '../http/auth.ts';
import type { ReadContext } from '../http/read-context.ts';
import { authErrors } from '../schemas/common.ts';

/** Admin views of the read side itself. */
export function adminRoutes(ctx: ReadContext) {
  const app = new OpenAPIHono<ReadAuthEnv>({ defaultHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/projections',
      summary: "Each projector's position and lag, and the event store's head (as `qm projection status`)",
      tags: ['Admin'],
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

  return app;
}

/** Positions are bigints in the runtime; JSON has no bigint, so they go out as strings. */
function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}
