import { createRoute, z } from '@hono/zod-openapi';
import { assertOwnerOr } from '../../infra/auth/assert-owner.ts';
import { assertSteppedUp } from '../../infra/auth/step-up.ts';
import { commandContext } from '../http/command-context.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { idempotentRequest } from '../idempotency/idempotent-request.ts';
import { requestDerivedId } from '../idempotency/request-derived-id.ts';
import { Id, idempotencyHeader } from '../schemas/common.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import { featureApp, guarded, jsonBody, writeResponses } from './route-kit.ts';

const tags = ['Returns'];

const OpenClaim = z
  .object({
    claimId: Id.optional().openapi({
      description:
        'Chosen by the client, or derived from the Idempotency-Key, so that a retry answers the same claim.',
    }),
    lineId: Id.openapi({ example: 'L1' }),
    quantity: z.number().int().positive().max(10_000),
    reason: z.enum(['damaged', 'missing', 'wrong']),
  })
  .openapi('OpenClaim');
const ResolveClaim = z
  .object({
    resolution: z.enum(['replacement', 'refund']).openapi({
      description:
        '`replacement`: the same item again at no charge, reserved at once; `refund`: the units’ share of their line',
    }),
  })
  .openapi('ResolveClaim');

/**
 * Claims: shipped units arrived damaged, did not arrive, or were the wrong item. A customer claims
 * on their own order (staff for them); staff resolve it with a replacement or a refund, without a
 * return.
 */
export function claimRoutes(deps: WriteApiDeps) {
  const app = featureApp();
  const orderPath = z.object({ orderId: Id });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{orderId}/claims',
      summary: 'Claim shipped units as damaged, missing or wrong (staff: for the customer)',
      tags,
      ...guarded('returns:request'),
      request: { headers: idempotencyHeader, params: orderPath, body: jsonBody(OpenClaim) },
      responses: writeResponses(201, 'Claimed; staff resolve it'),
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      const body = c.req.valid('json');
      assertOwnerOr(c.var.actor, await deps.handlers.orderOwner(orderId), 'returns:manage');
      const request = idempotentRequest(c);
      const claimId = body.claimId ?? (request ? requestDerivedId('claim', request) : deps.ids.newId());
      const result = await deps.handlers.openClaim(
        { orderId, claimId, lineId: body.lineId, quantity: body.quantity, reason: body.reason },
        commandContext(c, deps.clock, deps.ids),
      );
      return writeAnswer(c, 201, result, { claimId });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{orderId}/claims/{claimId}/resolve',
      summary: 'Resolve a claim with a replacement shipment or a refund, without a return',
      description:
        'A refund moves money by a staff member’s hand, so it needs a second factor within `QM_STEP_UP_MINUTES` (403 `step-up-required` otherwise), as `POST /orders/{orderId}/refunds` does; a replacement does not.',
      tags,
      ...guarded('returns:manage'),
      request: {
        headers: idempotencyHeader,
        params: z.object({ orderId: Id, claimId: Id }),
        body: jsonBody(ResolveClaim),
      },
      responses: writeResponses(200, 'Resolved'),
    }),
    async (c) => {
      const { orderId, claimId } = c.req.valid('param');
      const { resolution } = c.req.valid('json');
      if (resolution === 'refund' && deps.stepUpMinutes !== undefined)
        assertSteppedUp(c.var.actor, deps.stepUpMinutes);
      const result = await deps.handlers.resolveClaim(
        { orderId, claimId, resolution },
        commandContext(c, deps.clock, deps.ids),
      );
      return writeAnswer(c, 200, result);
    },
  );
  return app;
}
