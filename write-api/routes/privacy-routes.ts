import { createRoute, z } from '@hono/zod-openapi';
import { commandContext } from '../http/command-context.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { Id, idempotencyHeader, Text } from '../schemas/common.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import { featureApp, guarded, jsonBody, writeResponses } from './route-kit.ts';

const tags = ['Privacy'];

/**
 * GDPR erasure by crypto-shredding (docs/privacy.md): an admin erases a customer; the key of
 * their personal data is deleted and `CustomerErased` appended. Orders keep amounts, SKUs and
 * dates; names, addresses and emails read as `[erased]` everywhere from then on.
 */
export function privacyRoutes(deps: WriteApiDeps & { privacy: NonNullable<WriteApiDeps['privacy']> }) {
  const app = featureApp();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/admin/customers/{customerId}/erase',
      summary: "Erase a customer's personal data (GDPR art. 17)",
      tags,
      ...guarded('privacy:manage'),
      request: {
        headers: idempotencyHeader,
        params: z.object({ customerId: Id }),
        body: jsonBody(z.object({ reason: Text.max(500).nullable().optional() }).openapi('EraseCustomer')),
      },
      responses: writeResponses(200, 'Erased'),
    }),
    async (c) => {
      const { customerId } = c.req.valid('param');
      const { reason } = c.req.valid('json');
      const context = commandContext(c, deps.clock, deps.ids);
      const result = await deps.privacy.eraseCustomer(customerId, reason ?? null, context);
      // The recorded answers of earlier placements hold the order with its address.
      await deps.idempotencyStore.forgetAnswersMentioning?.(result.orderIds);
      return writeAnswer(c, 200, result, { customerId, orderIds: result.orderIds });
    },
  );
  return app;
}
