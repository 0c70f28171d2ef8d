import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { defaultHook } from '../../infra/http/default-hook.ts';
import { cartFunnel, staffCarts } from '../../projections/carts/cart-funnel.ts';
import type { CartsDatabase } from '../../projections/carts/tables.ts';
import { permissionGuard, type ReadAuthEnv } from '../http/auth.ts';
import { consistencyHeaders, consistencyQuery } from '../http/consistency.ts';
import { freshRead, type ReadContext } from '../http/read-context.ts';
import { authErrors, jsonAnswer, Limit, readErrors, Time } from '../schemas/common.ts';

const tags = ['Carts'];
const projection = 'carts';
const Status = z.enum(['open', 'merged', 'checked_out']);

const Funnel = z
  .object({
    currency: z.string(),
    started: z.number().int(),
    checkedOut: z.number().int(),
    abandoned: z.number().int(),
    abandonedValue: z.number().int().openapi({ description: 'minor units' }),
    reminded: z.number().int(),
    recovered: z.number().int(),
  })
  .openapi('CartFunnel');

const StaffCart = z
  .object({
    cartId: z.string(),
    customerId: z.string().nullable(),
    status: Status,
    currency: z.string(),
    lines: z.number().int(),
    units: z.number().int(),
    value: z.number().int().openapi({ description: 'minor units, at the prices the lines were put in' }),
    reminderSent: z.boolean(),
    orderId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('StaffCart');

/**
 * Carts as a shop sees them (the dashboard's Carts page and the overview's abandonment figures):
 * the funnel of a period (started, checked out, abandoned, reminded, recovered) and the carts
 * themselves, from the carts read model. No personal data: the shopper's email and address stay
 * in the shopper's own views.
 */
export function cartAnalyticsRoutes(ctx: ReadContext) {
  const app = new OpenAPIHono<ReadAuthEnv>({ defaultHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/carts/funnel',
      summary: 'Carts started in a period: checked out, abandoned, reminded and recovered, per currency',
      description:
        'A cart is abandoned when it is open, has lines, and was untouched for `idleMinutes` (default 60, ' +
        'the first reminder step by default); recovered when it was checked out after a reminder. ' +
        'Abandonment rate = abandoned / (abandoned + checkedOut); recovery rate = recovered / reminded.',
      tags,
      ...permissionGuard('analytics:read', ctx.authenticated),
      request: {
        query: z.object({
          from: Time.openapi({ example: '2026-12-01T00:00:00Z' }),
          to: Time.openapi({ example: '2027-01-01T00:00:00Z' }),
          idleMinutes: z.coerce.number().int().min(1).max(43_200).default(60),
          ...consistencyQuery,
        }),
        headers: consistencyHeaders,
      },
      responses: {
        200: jsonAnswer(z.object({ items: z.array(Funnel) }), 'One row per currency'),
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { from, to, idleMinutes } = c.req.valid('query');
      const idleBefore = new Date(Date.now() - idleMinutes * 60_000).toISOString();
      const { value, headers } = await freshRead<CartsDatabase, Awaited<ReturnType<typeof cartFunnel>>>(
        ctx,
        c,
        projection,
        ({ db }) => cartFunnel(db, { from, to, idleBefore }),
      );
      return c.json({ items: value }, 200, headers);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/carts',
      summary: 'Carts, the most recently changed first, without personal data',
      tags,
      ...permissionGuard('analytics:read', ctx.authenticated),
      request: {
        query: z.object({ status: Status.optional(), limit: Limit(500, 50), ...consistencyQuery }),
        headers: consistencyHeaders,
      },
      responses: {
        200: jsonAnswer(z.object({ items: z.array(StaffCart) }), 'Carts'),
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { status, limit } = c.req.valid('query');
      const { value, headers } = await freshRead<CartsDatabase, Awaited<ReturnType<typeof staffCarts>>>(
        ctx,
        c,
        projection,
        ({ db }) => staffCarts(db, { ...(status ? { status } : {}), limit }),
      );
      return c.json({ items: value }, 200, headers);
    },
  );

  return app;
}
