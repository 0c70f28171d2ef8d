import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { defaultHook } from '../../infra/http/default-hook.ts';
import { listReorderPoints, listSuggestions } from '../../projections/replenishment/queries.ts';
import type { ReplenishmentDatabase } from '../../projections/replenishment/tables.ts';
import { permissionGuard, type ReadAuthEnv } from '../http/auth.ts';
import { consistencyHeaders, consistencyQuery } from '../http/consistency.ts';
import { freshRead, type ReadContext } from '../http/read-context.ts';
import { authErrors, Id, jsonAnswer, Limit, readErrors } from '../schemas/common.ts';

const tags = ['Replenishment'];
const projection = 'replenishment';

const Suggestion = z
  .object({
    suggestionId: z.string(),
    sku: z.string(),
    location: z.string(),
    quantity: z.number().int(),
    reason: z.string(),
    available: z.number().int(),
    reorderPoint: z.number().int(),
    orderUpTo: z.number().int(),
    daysOfCover: z.number().nullable(),
    status: z.enum(['open', 'superseded', 'withdrawn', 'dismissed']),
    suggestedAt: z.string(),
    closedAt: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('ReplenishmentSuggestion');

const ReorderPoint = z
  .object({
    sku: z.string(),
    location: z.string(),
    reorderPoint: z.number().int(),
    orderUpTo: z.number().int(),
    safetyStock: z.number(),
    expectedDailyDemand: z.number(),
    leadTimeDemand: z.number(),
    leadTimeDays: z.number().int(),
    serviceLevel: z.number(),
    forecastErrorSd: z.number(),
    available: z.number().int(),
    daysOfCover: z.number().nullable(),
    method: z.string(),
    demandClass: z.string(),
    historyDays: z.number().int(),
    asOf: z.string(),
    recalculatedAt: z.string(),
    policy: z.object({ leadTimeDays: z.number().int().nullable(), serviceLevel: z.number().nullable() }),
  })
  .openapi('ReorderPoint');

/**
 * Staff views of replenishment: suggestions (open ones by default) and reorder points with days
 * of cover, fewest first. Mount with `app.route('/', replenishmentReadRoutes(ctx))`.
 */
export function replenishmentReadRoutes(ctx: ReadContext) {
  const app = new OpenAPIHono<ReadAuthEnv>({ defaultHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/staff/replenishment/suggestions',
      summary: 'Replenishment suggestions, newest first (open ones unless a status is given)',
      tags,
      ...permissionGuard('replenishment:read', ctx.authenticated),
      request: {
        query: z.object({
          status: z.enum(['open', 'superseded', 'withdrawn', 'dismissed', 'all']).default('open'),
          sku: Id.optional(),
          location: Id.optional(),
          limit: Limit(500, 100),
          ...consistencyQuery,
        }),
        headers: consistencyHeaders,
      },
      responses: {
        200: jsonAnswer(z.object({ items: z.array(Suggestion) }), 'Suggestions'),
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { status, sku, location, limit } = c.req.valid('query');
      const { value, headers } = await freshRead<
        ReplenishmentDatabase,
        Awaited<ReturnType<typeof listSuggestions>>
      >(ctx, c, projection, ({ db }) =>
        listSuggestions(db, { status: status === 'all' ? undefined : status, sku, location, limit }),
      );
      return c.json({ items: value }, 200, headers);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/staff/replenishment/reorder-points',
      summary: 'Reorder points and days of cover per SKU and location, fewest days of cover first',
      tags,
      ...permissionGuard('replenishment:read', ctx.authenticated),
      request: {
        query: z.object({
          sku: Id.optional(),
          location: Id.optional(),
          maxDaysOfCover: z.coerce
            .number()
            .min(0)
            .max(100_000)
            .optional()
            .openapi({ description: 'Only what lasts fewer days than this.' }),
          limit: Limit(500, 100),
          ...consistencyQuery,
        }),
        headers: consistencyHeaders,
      },
      responses: {
        200: jsonAnswer(z.object({ items: z.array(ReorderPoint) }), 'Reorder points'),
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { sku, location, maxDaysOfCover, limit } = c.req.valid('query');
      const { value, headers } = await freshRead<
        ReplenishmentDatabase,
        Awaited<ReturnType<typeof listReorderPoints>>
      >(ctx, c, projection, ({ db }) => listReorderPoints(db, { sku, location, maxDaysOfCover, limit }));
      return c.json({ items: value }, 200, headers);
    },
  );

  return app;
}
