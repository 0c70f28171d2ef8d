import { createRoute, z } from '@hono/zod-openapi';
import { commandContext } from '../http/command-context.ts';
import { parseIfMatch } from '../http/if-match.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { Id, Money, idempotencyHeader, ifMatchHeader, Text } from '../schemas/common.ts';
import { CreateProduct, Details } from '../schemas/product.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import { featureApp, guarded, jsonBody, writeResponses } from './route-kit.ts';

const tags = ['Catalog'];
const ProductPath = z.object({ productId: Id });
const UpdateProduct = z
  .object({ changes: z.object(Details).partial().strict() })
  .openapi('UpdateProduct', { example: { changes: { name: 'Claw hammer' } } });
const ChangePrice = z.object({ price: Money, reason: Text.min(1).max(500) }).openapi('ChangePrice');
const Discontinue = z.object({ reason: Text.min(1).max(500) }).openapi('DiscontinueProduct');

/** Admins manage the catalog. Price changes record who, when, from what, to what, and why. */
export function catalogRoutes(deps: WriteApiDeps) {
  const app = featureApp();
  const context = (c: Parameters<typeof commandContext>[0]) => commandContext(c, deps.clock, deps.ids);
  const edit = { headers: idempotencyHeader.merge(ifMatchHeader), params: ProductPath };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/products',
      summary: 'Create a product',
      tags,
      ...guarded('catalog:write'),
      request: { headers: idempotencyHeader, body: jsonBody(CreateProduct) },
      responses: writeResponses(201, 'Created'),
    }),
    async (c) => writeAnswer(c, 201, await deps.handlers.createProduct(c.req.valid('json'), context(c))),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/products/{productId}/update',
      summary: "Change a product's details",
      tags,
      ...guarded('catalog:write'),
      request: { ...edit, body: jsonBody(UpdateProduct) },
      responses: writeResponses(200, 'Updated'),
    }),
    async (c) => {
      const { productId } = c.req.valid('param');
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      return writeAnswer(
        c,
        200,
        await deps.handlers.updateProduct(productId, c.req.valid('json').changes, context(c), ifMatch),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/products/{productId}/price',
      summary: 'Change the price (with a reason, for the audit trail)',
      tags,
      ...guarded('prices:write'),
      request: { ...edit, body: jsonBody(ChangePrice) },
      responses: writeResponses(200, 'Price changed'),
    }),
    async (c) => {
      const { productId } = c.req.valid('param');
      const { price, reason } = c.req.valid('json');
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      return writeAnswer(
        c,
        200,
        await deps.handlers.changePrice(productId, price, reason, context(c), ifMatch),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/products/{productId}/discontinue',
      summary: 'Discontinue a product',
      tags,
      ...guarded('catalog:write'),
      request: { ...edit, body: jsonBody(Discontinue) },
      responses: writeResponses(200, 'Discontinued'),
    }),
    async (c) => {
      const { productId } = c.req.valid('param');
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      return writeAnswer(
        c,
        200,
        await deps.handlers.discontinueProduct(productId, c.req.valid('json').reason, context(c), ifMatch),
      );
    },
  );
  return app;
}
