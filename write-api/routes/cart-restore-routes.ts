import { createRoute, z } from '@hono/zod-openapi';
import { commandContext } from '../http/command-context.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { Id, Text, WriteAnswer } from '../schemas/common.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import { optionalIdempotencyHeader, publicRoute } from './account-kit.ts';
import { featureApp, jsonBody, writeResponses } from './route-kit.ts';

const Restore = z
  .object({
    step: z.number().int().min(0).max(9).openapi({ description: 'The `step` of the link.' }),
    token: Text.min(1).max(200).openapi({ description: 'The `token` of the link.' }),
  })
  .openapi('RestoreCart', { example: { step: 0, token: 'q3J0ZXN0LXNlY3JldC1vZi1hLXJlbWluZGVyLWxpbmsx' } });

const Restored = WriteAnswer.extend({
  cartId: z.string(),
  secret: z.string().nullable().openapi({
    description:
      'A guest cart’s new secret (send it as `Cart-Secret` from now on; the old one no longer opens the cart). Null for a customer’s cart: the customer signs in.',
  }),
  couponCode: z.string().nullable().openapi({ description: 'The recovery code now applied to the cart.' }),
}).openapi('RestoredCart');

/**
 * The restore link of an abandoned-cart reminder (`?cart=&step=&token=` on the storefront's page,
 * `QM_STOREFRONT_CART_RESTORE_URL`): the storefront posts them here. Public: the link's token is the
 * credential (256 random bits, only its hash stored); a wrong one answers 404 like a missing cart.
 */
export function cartRestoreRoutes(deps: WriteApiDeps) {
  const app = featureApp();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/cart-restore/{cartId}',
      summary: 'Open a cart from a reminder’s restore link; a guest cart answers a new secret',
      tags: ['Carts'],
      ...publicRoute(deps, 'a reminder’s restore link: its token is the credential'),
      request: {
        params: z.object({ cartId: Id.max(48) }),
        headers: optionalIdempotencyHeader,
        body: jsonBody(Restore),
      },
      responses: writeResponses(200, 'Restored (the recovery code, if any, now applies)', Restored),
    }),
    async (c) => {
      const { cartId } = c.req.valid('param');
      const { secret, couponCode, ...result } = await deps.handlers.restoreCart(
        cartId,
        c.req.valid('json'),
        commandContext(c, deps.clock, deps.ids),
      );
      // The events are left out: they hold the new secret's hash, which no answer shows.
      return writeAnswer(c, 200, { ...result, events: [] }, { cartId, secret, couponCode });
    },
  );
  return app;
}
