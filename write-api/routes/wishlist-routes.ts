import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AuthEnv } from '../../infra/auth/actor.ts';
import { commandContext } from '../http/command-context.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { Id, idempotencyHeader } from '../schemas/common.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import { featureApp, guarded, jsonBody, writeResponses } from './route-kit.ts';

const tags = ['Wishlists'];
const WishlistItem = z.object({ productId: Id.max(64) }).openapi('WishlistItem');

/** A customer's own wishlist (the token's subject). */
export function wishlistRoutes(deps: WriteApiDeps) {
  const app = featureApp();
  const context = (c: Context<AuthEnv>) => commandContext(c, deps.clock, deps.ids);
  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/wishlist',
      summary: 'Put a product on one’s wishlist',
      tags,
      ...guarded('carts:use'),
      request: { headers: idempotencyHeader, body: jsonBody(WishlistItem) },
      responses: writeResponses(201, 'Added'),
    }),
    async (c) =>
      writeAnswer(
        c,
        201,
        await deps.handlers.addToWishlist(c.var.actor.id, c.req.valid('json').productId, context(c)),
      ),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/me/wishlist/{productId}',
      summary: 'Take a product off one’s wishlist',
      tags,
      ...guarded('carts:use'),
      request: { params: z.object({ productId: Id.max(64) }) },
      responses: writeResponses(200, 'Removed'),
    }),
    async (c) =>
      writeAnswer(
        c,
        200,
        await deps.handlers.removeFromWishlist(c.var.actor.id, c.req.valid('param').productId, context(c)),
      ),
  );
  return app;
}
