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
const MoveToCart = z
  .object({
    cartId: Id.max(48).openapi({ example: 'k-1001' }),
    quantity: z.number().int().positive().max(999).openapi({ example: 1 }),
  })
  .openapi('MoveToCart');

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
  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/wishlist/{productId}/move-to-cart',
      summary:
        'Move a product from one’s wishlist into one’s cart, in one step (409 naming the SKU when short)',
      tags,
      ...guarded('carts:use'),
      request: {
        params: z.object({ productId: Id.max(64) }),
        headers: idempotencyHeader,
        body: jsonBody(MoveToCart),
      },
      responses: writeResponses(200, 'Moved: the line is in the cart, the product off the wishlist'),
    }),
    async (c) => {
      const { productId } = c.req.valid('param');
      const { cartId, quantity } = c.req.valid('json');
      const moved = await deps.handlers.moveToCart(
        c.var.actor.id,
        { productId, cartId, quantity },
        context(c),
      );
      return writeAnswer(c, 200, moved);
    },
  );
  return app;
}
