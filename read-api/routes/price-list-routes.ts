import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { defaultHook } from '../../infra/http/default-hook.ts';
import { HttpProblem } from '../../infra/http/problem.ts';
import { listPriceLists, priceListDetail } from '../../projections/promotions/price-list-queries.ts';
import type { PromotionsDatabase } from '../../projections/promotions/tables.ts';
import { permissionGuard, type ReadAuthEnv } from '../http/auth.ts';
import { consistencyHeaders, consistencyQuery } from '../http/consistency.ts';
import { freshRead, type ReadContext } from '../http/read-context.ts';
import { authErrors, Id, jsonAnswer, notFoundError, readErrors, Text } from '../schemas/common.ts';

const tags = ['Prices'];
/** Price lists are kept by the promotions read model (the pricing side of the shop). */
const projection = 'promotions';

const Summary = z
  .object({
    priceListId: z.string(),
    name: z.string(),
    currency: z.string(),
    customerGroups: z.array(z.string()).openapi({ description: 'Empty: every buyer in the currency.' }),
    priority: z.number().int(),
    status: z.enum(['active', 'archived']),
    products: z.number().int().openapi({ description: 'Products the list prices.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PriceListSummary');

const Detail = Summary.extend({
  prices: z.array(
    z.object({
      productId: z.string(),
      tiers: z.array(z.object({ minQuantity: z.number().int(), amount: z.number().int() })),
      updatedAt: z.string(),
    }),
  ),
}).openapi('PriceListDetail');

/** Staff views of the price lists: which exist, for whom, and each one's tiered prices. */
export function priceListReadRoutes(ctx: ReadContext) {
  const app = new OpenAPIHono<ReadAuthEnv>({ defaultHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/staff/price-lists',
      summary: 'Price lists with their currency, customer groups, priority and number of products',
      tags,
      ...permissionGuard('prices:read', ctx.authenticated),
      request: {
        query: z.object({
          status: z.enum(['active', 'archived']).optional(),
          currency: Text.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').optional(),
          ...consistencyQuery,
        }),
        headers: consistencyHeaders,
      },
      responses: {
        200: jsonAnswer(z.object({ items: z.array(Summary) }), 'Price lists'),
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { status, currency } = c.req.valid('query');
      const { value, headers } = await freshRead<
        PromotionsDatabase,
        Awaited<ReturnType<typeof listPriceLists>>
      >(ctx, c, projection, ({ db }) => listPriceLists(db, { status, currency }));
      return c.json({ items: value }, 200, headers);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/staff/price-lists/{priceListId}',
      summary: 'One price list with its products and their quantity tiers',
      tags,
      ...permissionGuard('prices:read', ctx.authenticated),
      request: {
        params: z.object({ priceListId: Id }),
        query: z.object(consistencyQuery),
        headers: consistencyHeaders,
      },
      responses: {
        200: jsonAnswer(Detail, 'The price list'),
        ...notFoundError,
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { priceListId } = c.req.valid('param');
      const { value, headers } = await freshRead<
        PromotionsDatabase,
        Awaited<ReturnType<typeof priceListDetail>>
      >(ctx, c, projection, ({ db }) => priceListDetail(db, priceListId));
      if (!value)
        throw new HttpProblem({
          status: 404,
          code: 'not_found',
          title: 'Not found',
          detail: 'No such price list',
        });
      return c.json(value, 200, headers);
    },
  );
  return app;
}
