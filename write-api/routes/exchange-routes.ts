import { createRoute, z } from '@hono/zod-openapi';
import { assertOwnerOr } from '../../infra/auth/assert-owner.ts';
import { commandContext } from '../http/command-context.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { idempotentRequest } from '../idempotency/idempotent-request.ts';
import { requestDerivedId } from '../idempotency/request-derived-id.ts';
import { Id, Text, idempotencyHeader } from '../schemas/common.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import { featureApp, guarded, jsonBody, writeResponses } from './route-kit.ts';

const tags = ['Returns'];

const RequestExchange = z
  .object({
    exchangeId: Id.optional().openapi({
      description:
        'Chosen by the client, or derived from the Idempotency-Key, so that a retry answers the same exchange.',
    }),
    lineId: Id.openapi({ description: 'The delivered line whose units go back', example: 'L1' }),
    quantity: z.number().int().positive().max(10_000),
    productId: Id.openapi({ description: 'What the customer gets instead (another variant or product)' }),
    reason: Text.min(1).max(500).openapi({ example: 'too small' }),
  })
  .openapi('RequestExchange');

/**
 * Exchanges: delivered units of a line go back and another product comes, reserved at once; the
 * difference is paid through an extra payment or refunded. A customer for their own delivered
 * orders, staff (`returns:manage`) for any.
 */
export function exchangeRoutes(deps: WriteApiDeps) {
  const app = featureApp();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{orderId}/exchanges',
      summary: 'Exchange delivered units for another product (staff: for the customer)',
      description:
        'The replacement becomes a new line of the order, reserved in the same append (409 `stock_shortage` when it cannot be). A dearer replacement answers `payment` (pay it with its client secret, as the order); a cheaper one is refunded at once.',
      tags,
      ...guarded('returns:request'),
      request: {
        headers: idempotencyHeader,
        params: z.object({ orderId: Id }),
        body: jsonBody(RequestExchange),
      },
      responses: writeResponses(201, 'Exchanged; the replacement is reserved and awaits shipment'),
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      const body = c.req.valid('json');
      assertOwnerOr(c.var.actor, await deps.handlers.orderOwner(orderId), 'returns:manage');
      const request = idempotentRequest(c);
      const exchangeId =
        body.exchangeId ?? (request ? requestDerivedId('exchange', request) : deps.ids.newId());
      const result = await deps.handlers.exchangeLine(
        {
          orderId,
          exchangeId,
          lineId: body.lineId,
          quantity: body.quantity,
          productId: body.productId,
          reason: body.reason,
        },
        commandContext(c, deps.clock, deps.ids),
      );
      return writeAnswer(c, 201, result, {
        exchangeId,
        difference: result.difference,
        payment: result.payment && {
          provider: deps.handlers.paymentProvider,
          paymentId: result.payment.paymentId,
          clientSecret: result.payment.clientSecret,
          status: result.payment.status,
        },
      });
    },
  );
  return app;
}
