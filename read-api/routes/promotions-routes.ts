import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { defaultHook } from '../../infra/http/default-hook.ts';
import { HttpProblem } from '../../infra/http/problem.ts';
import {
  activePromotions,
  getPromotion,
  listPromotions,
  lookupCode,
  redemptionsPerDay,
} from '../../projections/promotions/queries.ts';
import type { PromotionsDatabase } from '../../projections/promotions/tables.ts';
import { withProductPrices } from '../../projections/promotions/shelf-prices.ts';
import { productPriceEntries } from '../../projections/catalog/queries.ts';
import type { CatalogDatabase } from '../../projections/catalog/tables.ts';
import { combinedFreshness } from '../http/combined-freshness.ts';
import { permissionGuard, type ReadAuthEnv } from '../http/auth.ts';
import { consistencyHeaders, consistencyQuery } from '../http/consistency.ts';
import { freshRead, type ReadContext } from '../http/read-context.ts';
import {
  authErrors,
  Id,
  jsonAnswer,
  Limit,
  Money,
  notFoundError,
  readErrors,
  Text,
} from '../schemas/common.ts';

const tags = ['Promotions'];
const projection = 'promotions';
const CATALOG = 'catalog';
const statuses = ['draft', 'active', 'paused', 'expired', 'archived'] as const;

const Summary = z
  .object({
    promotionId: z.string(),
    name: z.string(),
    status: z.enum(statuses),
    version: z.number().int(),
    actionKind: z.string(),
    stacking: z.enum(['exclusive', 'combinable']),
    priority: z.number().int(),
    codeMode: z.enum(['automatic', 'shared', 'unique']),
    sharedCode: z.string().nullable(),
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    limits: z.object({
      counts: z.enum(['orders', 'units']),
      total: z.number().int().nullable(),
      perCustomer: z.number().int().nullable(),
      perCode: z.number().int().nullable(),
    }),
    redemptions: z.number().int(),
    unitsRedeemed: z.number().int(),
    left: z.number().int().nullable().openapi({ description: 'Of the total limit; null without one.' }),
    discountCost: z
      .number()
      .int()
      .openapi({ description: 'What it took off orders still standing, in minor units.' }),
    released: z
      .number()
      .int()
      .openapi({ description: 'Redemptions given back by cancelled or expired orders.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PromotionSummary');

const Detail = Summary.extend({
  definition: z.record(z.string(), z.unknown()),
  perDay: z.array(
    z.object({
      day: z.string(),
      code: z.string().nullable(),
      redemptions: z.number().int(),
      discountCost: z.number().int(),
    }),
  ),
}).openapi('PromotionDetail');

const CodeLookup = z
  .object({
    code: z.string(),
    promotionId: z.string(),
    promotionName: z.string(),
    promotionStatus: z.enum(statuses),
    generationId: z.string().nullable(),
    singleUse: z.boolean(),
    released: z.boolean(),
    claimedAt: z.string(),
    uses: z.number().int(),
  })
  .openapi('PromotionCode');

const ActivePromotion = z
  .object({
    promotionId: z.string(),
    name: z.string(),
    actionKind: z.string(),
    codeMode: z.enum(['automatic', 'shared', 'unique']),
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    left: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Uses or units left (a flash sale); null: no limit.' }),
    productPrice: z
      .object({
        regular: Money.openapi({ description: 'The product’s price now, before the promotion.' }),
        price: Money.openapi({
          description:
            'One unit under the promotion (percent or fixed off each matching unit). Its other rules (code, minimum, customer groups, stock) still decide at checkout.',
        }),
        was: Money.nullable().openapi({
          description:
            'EU Omnibus reference ("was" price): the lowest price the product had in the 30 days before `reducedSince`, from its price history, whatever its price has done since; null when it had no price then (created after the reduction began). Show a reduction only against this.',
        }),
        reducedSince: z.string().openapi({
          description:
            'When the promotion’s reduction began: the later of its window’s start and its last activation.',
          example: '2026-11-21T09:00:00.000Z',
        }),
      })
      .nullable()
      .openapi({
        description:
          'Only with `productId`, for a promotion that takes a price off each matching unit (`items_percent`, `items_fixed`; a flash sale is one of them); null otherwise, or when the product is unknown or priced in another currency than the promotion names.',
        example: {
          regular: { amount: 2499, currency: 'EUR' },
          price: { amount: 1999, currency: 'EUR' },
          was: { amount: 2299, currency: 'EUR' },
          reducedSince: '2026-11-21T09:00:00.000Z',
        },
      }),
  })
  .openapi('ActivePromotion');

const missing = (what: string) =>
  new HttpProblem({ status: 404, code: 'not_found', title: 'Not found', detail: `No such ${what}` });

/**
 * Staff views of promotions (with redemptions, units left and what each cost, per day and code),
 * the code lookup, and the storefront's active promotions with a server time for countdowns.
 */
export function promotionReadRoutes(ctx: ReadContext) {
  const app = new OpenAPIHono<ReadAuthEnv>({ defaultHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/staff/promotions',
      summary: 'Promotions with their redemptions, units left and discount cost, highest priority first',
      tags,
      ...permissionGuard('promotions:read', ctx.authenticated),
      request: {
        query: z.object({ status: z.enum(statuses).optional(), limit: Limit(500, 100), ...consistencyQuery }),
        headers: consistencyHeaders,
      },
      responses: {
        200: jsonAnswer(z.object({ items: z.array(Summary) }), 'Promotions'),
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { status, limit } = c.req.valid('query');
      const { value, headers } = await freshRead<
        PromotionsDatabase,
        Awaited<ReturnType<typeof listPromotions>>
      >(ctx, c, projection, ({ db }) => listPromotions(db, { status, limit }));
      return c.json({ items: value }, 200, headers);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/staff/promotions/{promotionId}',
      summary: 'One promotion: its definition, figures, and redemptions and cost per day and code',
      tags,
      ...permissionGuard('promotions:read', ctx.authenticated),
      request: {
        params: z.object({ promotionId: Id }),
        query: z.object(consistencyQuery),
        headers: consistencyHeaders,
      },
      responses: { 200: jsonAnswer(Detail, 'The promotion'), ...notFoundError, ...authErrors, ...readErrors },
    }),
    async (c) => {
      const { promotionId } = c.req.valid('param');
      const { value, headers } = await freshRead<PromotionsDatabase, z.infer<typeof Detail> | null>(
        ctx,
        c,
        projection,
        async ({ db }) => {
          const promotion = await getPromotion(db, promotionId);
          return promotion ? { ...promotion, perDay: await redemptionsPerDay(db, promotionId) } : null;
        },
      );
      if (!value) throw missing('promotion');
      return c.json(value, 200, headers);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/staff/promotion-codes/{code}',
      summary: 'Look up a coupon code (any case): its promotion, generation and uses',
      tags,
      ...permissionGuard('promotions:read', ctx.authenticated),
      request: {
        params: z.object({ code: Text.min(1).max(40).openapi({ example: 'SUMMER20' }) }),
        query: z.object(consistencyQuery),
        headers: consistencyHeaders,
      },
      responses: { 200: jsonAnswer(CodeLookup, 'The code'), ...notFoundError, ...authErrors, ...readErrors },
    }),
    async (c) => {
      const code = c.req.valid('param').code.trim().toUpperCase();
      const { value, headers } = await freshRead<PromotionsDatabase, Awaited<ReturnType<typeof lookupCode>>>(
        ctx,
        c,
        projection,
        ({ db }) => lookupCode(db, code),
      );
      if (!value) throw missing('code');
      return c.json(value, 200, headers);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/promotions/active',
      summary:
        'Active promotions now (optionally those for one product), with units left and the server time',
      description:
        'For listings and product pages: start, end and units left of each promotion in its window, and `serverTime` so a countdown does not trust the device clock. With `productId`, the promotions that apply to that product (by id, or by its category and brand as the catalog holds them), and each that takes a price off each matching unit carries the product’s price under it and its EU Omnibus "was" price (`productPrice`). `category` and `brand` stand in for a product the catalog does not hold yet.',
      tags,
      request: {
        query: z.object({
          productId: Id.optional(),
          category: Text.max(200).optional().openapi({ example: 'tools' }),
          brand: Text.max(200).optional().openapi({ example: 'Acme' }),
          ...consistencyQuery,
        }),
        headers: consistencyHeaders,
      },
      responses: {
        200: jsonAnswer(
          z.object({ serverTime: z.string(), items: z.array(ActivePromotion) }),
          'Active promotions',
        ),
        ...readErrors,
      },
    }),
    async (c) => {
      const { productId, category, brand } = c.req.valid('query');
      const serverTime = new Date().toISOString();
      const active = (product?: { productId: string; category: string; brand: string }) =>
        freshRead<PromotionsDatabase, Awaited<ReturnType<typeof activePromotions>>>(
          ctx,
          c,
          projection,
          ({ db }) => activePromotions(db, { at: serverTime, product }),
        );
      if (productId === undefined) {
        const promotions = await active();
        return c.json(
          { serverTime, items: withProductPrices(promotions.value, null) },
          200,
          promotions.headers,
        );
      }
      // The product's category and brand (what category and brand promotions target) and its "was"
      // price come from the catalog read model; the query's own are for a product not in it yet.
      const prices = await freshRead<CatalogDatabase, Awaited<ReturnType<typeof productPriceEntries>>>(
        ctx,
        c,
        CATALOG,
        ({ db }) => productPriceEntries(db, productId),
      );
      const promotions = await active({
        productId,
        category: prices.value?.category ?? category ?? '',
        brand: prices.value?.brand ?? brand ?? '',
      });
      return c.json(
        { serverTime, items: withProductPrices(promotions.value, prices.value) },
        200,
        combinedFreshness(promotions.headers, prices.headers),
      );
    },
  );

  return app;
}
