import { createRoute, z } from '@hono/zod-openapi';
import { commandContext } from '../http/command-context.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { Id, idempotencyHeader, Text } from '../schemas/common.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import { featureApp, guarded, jsonBody, writeResponses } from './route-kit.ts';

const tags = ['Prices'];
const ListPath = z.object({ priceListId: Id });

const CreatePriceList = z
  .object({
    priceListId: Id.openapi({ example: 'wholesale-eur' }),
    name: Text.min(1).max(200),
    currency: Text.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
    customerGroups: z
      .array(Id)
      .max(50)
      .default([])
      .openapi({ description: 'Customers of one of these groups get the list; empty: every buyer.' }),
    priority: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .default(0)
      .openapi({ description: 'Among lists of the same kind that price a product, the highest wins.' }),
  })
  .openapi('CreatePriceList', {
    example: {
      priceListId: 'wholesale-eur',
      name: 'Wholesale (EUR)',
      currency: 'EUR',
      customerGroups: ['wholesale'],
      priority: 0,
    },
  });

const Tier = z.object({
  minQuantity: z.number().int().min(1).max(1_000_000),
  amount: z
    .number()
    .int('must be whole minor units')
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .openapi({ description: 'Unit price in minor units of the list currency.' }),
});

const SetPrices = z
  .object({
    prices: z
      .array(z.object({ productId: Id, tiers: z.array(Tier).min(1).max(20) }))
      .min(1)
      .max(1000),
  })
  .openapi('SetPriceListPrices', {
    example: {
      prices: [
        {
          productId: 'mug',
          tiers: [
            { minQuantity: 1, amount: 900 },
            { minQuantity: 10, amount: 800 },
          ],
        },
      ],
    },
  });

const RemovePrices = z.object({ productIds: z.array(Id).min(1).max(1000) }).openapi('RemovePriceListPrices');

/**
 * Price lists (`prices:write`): a list per currency (a multi-currency catalogue) and per customer
 * group (wholesale, B2B), each product with quantity tiers. Carts, quotes and `POST /orders` price
 * each line from the buyer's list and fall back to the catalog price.
 */
export function priceListRoutes(deps: WriteApiDeps) {
  const app = featureApp();
  const context = (c: Parameters<typeof commandContext>[0]) => commandContext(c, deps.clock, deps.ids);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/price-lists',
      summary: 'Create a price list for a currency and (optionally) some customer groups',
      tags,
      ...guarded('prices:write'),
      request: { headers: idempotencyHeader, body: jsonBody(CreatePriceList) },
      responses: writeResponses(201, 'Created'),
    }),
    async (c) => writeAnswer(c, 201, await deps.handlers.createPriceList(c.req.valid('json'), context(c))),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/price-lists/{priceListId}/prices',
      summary: "Set products' prices in a list, with quantity tiers (other products keep theirs)",
      tags,
      ...guarded('prices:write'),
      request: { headers: idempotencyHeader, params: ListPath, body: jsonBody(SetPrices) },
      responses: writeResponses(200, 'Set'),
    }),
    async (c) =>
      writeAnswer(
        c,
        200,
        await deps.handlers.setPriceListPrices(
          c.req.valid('param').priceListId,
          c.req.valid('json').prices,
          context(c),
        ),
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/price-lists/{priceListId}/prices/remove',
      summary: 'Remove products from a list (they fall back to other lists or the catalog price)',
      tags,
      ...guarded('prices:write'),
      request: { headers: idempotencyHeader, params: ListPath, body: jsonBody(RemovePrices) },
      responses: writeResponses(200, 'Removed'),
    }),
    async (c) =>
      writeAnswer(
        c,
        200,
        await deps.handlers.removePriceListPrices(
          c.req.valid('param').priceListId,
          c.req.valid('json').productIds,
          context(c),
        ),
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/price-lists/{priceListId}/archive',
      summary: 'Archive a price list: it prices nothing from now on',
      tags,
      ...guarded('prices:write'),
      request: { headers: idempotencyHeader, params: ListPath },
      responses: writeResponses(200, 'Archived'),
    }),
    async (c) =>
      writeAnswer(c, 200, await deps.handlers.archivePriceList(c.req.valid('param').priceListId, context(c))),
  );
  return app;
}
