import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { defaultHook } from '../../infra/http/default-hook.ts';
import { HttpProblem } from '../../infra/http/problem.ts';
import { listPriceChanges, priceChangeDetail } from '../../projections/promotions/price-change-queries.ts';
import type { PromotionsDatabase } from '../../projections/promotions/tables.ts';
import { permissionGuard, type ReadAuthEnv } from '../http/auth.ts';
import { consistencyHeaders, consistencyQuery } from '../http/consistency.ts';
import { freshRead, type ReadContext } from '../http/read-context.ts';
import { authErrors, Id, jsonAnswer, Limit, notFoundError, readErrors } from '../schemas/common.ts';

const tags = ['Prices'];
/** Price changes are kept by the promotions read model (the pricing side of the shop). */
const projection = 'promotions';
const statuses = ['scheduled', 'applied', 'cancelled'] as const;
const Money = z.object({ amount: z.number().int(), currency: z.string() });

const PriceChange = z
  .object({
    changeId: z.string(),
    kind: z.enum(['prices', 'mass']),
    status: z.enum(statuses),
    reason: z.string(),
    actor: z
      .object({ id: z.string(), role: z.string() })
      .openapi({ description: 'Who scheduled or applied it.' }),
    effectiveAt: z.string(),
    selection: z
      .record(z.string(), z.unknown())
      .nullable()
      .openapi({ description: 'A mass change: categories, brands, adjustment, rounding.' }),
    products: z.array(z.string()),
    targets: z.array(z.object({ productId: z.string(), price: Money })),
    applied: z.array(z.object({ productId: z.string(), from: Money, to: Money })),
    skipped: z.array(z.object({ productId: z.string(), why: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PriceChangeRecord');

/**
 * Staff views of scheduled and mass price changes: the reason, who asked, the products, when each
 * takes (or took) effect, and what it did. What a mass change would do now: `POST
 * /mass-price-changes/preview` on the command API.
 */
export function priceChangeReadRoutes(ctx: ReadContext) {
  const app = new OpenAPIHono<ReadAuthEnv>({ defaultHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/staff/price-changes',
      summary: 'Price changes, latest effective time first: reason, actor, products, effective time',
      tags,
      ...permissionGuard('prices:read', ctx.authenticated),
      request: {
        query: z.object({ status: z.enum(statuses).optional(), limit: Limit(500, 100), ...consistencyQuery }),
        headers: consistencyHeaders,
      },
      responses: {
        200: jsonAnswer(z.object({ items: z.array(PriceChange) }), 'Price changes'),
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { status, limit } = c.req.valid('query');
      const { value, headers } = await freshRead<
        PromotionsDatabase,
        Awaited<ReturnType<typeof listPriceChanges>>
      >(ctx, c, projection, ({ db }) => listPriceChanges(db, { status, limit }));
      return c.json({ items: value }, 200, headers);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/staff/price-changes/{changeId}',
      summary: 'One price change: its targets or selection, and each product moved or skipped',
      tags,
      ...permissionGuard('prices:read', ctx.authenticated),
      request: {
        params: z.object({ changeId: Id }),
        query: z.object(consistencyQuery),
        headers: consistencyHeaders,
      },
      responses: {
        200: jsonAnswer(PriceChange, 'The price change'),
        ...notFoundError,
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { changeId } = c.req.valid('param');
      const { value, headers } = await freshRead<
        PromotionsDatabase,
        Awaited<ReturnType<typeof priceChangeDetail>>
      >(ctx, c, projection, ({ db }) => priceChangeDetail(db, changeId));
      if (!value)
        throw new HttpProblem({
          status: 404,
          code: 'not_found',
          title: 'Not found',
          detail: 'No such price change',
        });
      return c.json(value, 200, headers);
    },
  );
  return app;
}
