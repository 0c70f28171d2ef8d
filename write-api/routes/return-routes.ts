import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AuthEnv } from '../../infra/auth/actor.ts';
import { assertOwnerOr } from '../../infra/auth/assert-owner.ts';
import { hasPermission } from '../../infra/auth/grants.ts';
import { commandContext } from '../http/command-context.ts';
import { parseIfMatch } from '../http/if-match.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { idempotentRequest } from '../idempotency/idempotent-request.ts';
import { requestDerivedId } from '../idempotency/request-derived-id.ts';
import { Id, Text, idempotencyHeader, ifMatchHeader } from '../schemas/common.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import { featureApp, guarded, jsonBody, writeResponses } from './route-kit.ts';

const tags = ['Returns'];
const OrderPath = z.object({ orderId: Id });
const ReturnPath = z.object({ returnId: Id });
const Note = Text.max(1000).nullable().default(null);

const RequestReturn = z
  .object({
    returnId: Id.optional().openapi({
      description:
        'Chosen by the client, or derived from the Idempotency-Key, so that a retry answers the same return.',
    }),
    lines: z
      .array(z.object({ lineId: Id, quantity: z.number().int().positive().max(10_000) }))
      .min(1, 'must hold at least one line')
      .max(100),
    reason: Id.openapi({ description: "One of the returns policy's reasons", example: 'damaged' }),
    note: Text.max(2000).nullable().default(null).openapi({ description: 'In the customer’s words' }),
    photos: z.array(Text.max(2000)).max(10).default([]).openapi({ description: 'https URLs of photos' }),
  })
  .openapi('RequestReturn');
const Authorize = z.object({ note: Note }).openapi('AuthorizeReturn');
const Reject = z.object({ reason: Text.min(1).max(1000) }).openapi('RejectReturn');
const Receive = z
  .object({
    receiptId: Id.optional(),
    location: Id.openapi({ description: 'Where the parcel came in' }),
    lines: z
      .array(
        z.object({
          lineId: Id,
          quantity: z.number().int().positive().max(10_000),
          disposition: z.enum(['restock', 'write_off']),
          restockLocation: Id.nullable()
            .default(null)
            .openapi({ description: 'Where restocked units go on hand; default: the receiving location' }),
          adjustmentReason: z.enum(['damage', 'loss']).nullable().default(null),
          note: Note,
        }),
      )
      .min(1)
      .max(200),
  })
  .openapi('ReceiveReturn');
const Policy = z
  .object({
    defaultWindowDays: z.number().int().min(0).max(3650).openapi({ example: 30 }),
    categoryWindowDays: z.record(Text.max(200), z.number().int().min(0).max(3650)).default({}),
    productWindowDays: z.record(Id, z.number().int().min(0).max(3650)).default({}),
    reasons: z.array(Id).min(1).max(50),
    refundShipping: z.boolean().default(false),
    restockingFeeBps: z.number().int().min(0).max(10_000).default(0),
    refundOn: z.enum(['receipt', 'authorization']).default('receipt'),
    instructions: Text.min(1)
      .max(2000)
      .openapi({ example: 'Pack the items with the RMA number on the parcel and send it to our warehouse.' }),
  })
  .openapi('ReturnPolicy');
/**
 * Returns and RMA: a customer asks to return delivered units of their own order (staff may open one
 * for them); staff authorize (RMA number, label or instructions) or reject, then record receipts
 * with each line inspected. Refunds follow by themselves, run by the system.
 */
export function returnRoutes(deps: WriteApiDeps) {
  const app = featureApp();
  const context = (c: Context<AuthEnv>) => commandContext(c, deps.clock, deps.ids);
  const edit = { headers: idempotencyHeader.merge(ifMatchHeader), params: ReturnPath };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{orderId}/returns',
      summary: 'Request a return of delivered units within the return window (staff: for the customer)',
      tags,
      ...guarded('returns:request'),
      request: { headers: idempotencyHeader, params: OrderPath, body: jsonBody(RequestReturn) },
      responses: writeResponses(201, 'Requested; the units are held for this return'),
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      const body = c.req.valid('json');
      const actor = c.var.actor;
      assertOwnerOr(actor, await deps.handlers.orderOwner(orderId), 'returns:manage');
      const request = idempotentRequest(c);
      const returnId = body.returnId ?? (request ? requestDerivedId('return', request) : deps.ids.newId());
      const openedBy = hasPermission(actor, 'returns:manage') ? ('staff' as const) : ('customer' as const);
      const result = await deps.handlers.requestReturn(
        {
          returnId,
          orderId,
          lines: body.lines,
          reason: body.reason,
          note: body.note,
          photos: body.photos,
          openedBy,
        },
        context(c),
      );
      return writeAnswer(c, 201, result, { returnId });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/returns/{returnId}/authorize',
      summary: 'Authorize a return: issues its RMA number and a label (or the instructions)',
      tags,
      ...guarded('returns:manage'),
      request: { ...edit, body: jsonBody(Authorize) },
      responses: writeResponses(200, 'Authorized'),
    }),
    async (c) => {
      const { returnId } = c.req.valid('param');
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      const input = { returnId, note: c.req.valid('json').note };
      return writeAnswer(c, 200, await deps.handlers.authorizeReturn(input, context(c), ifMatch));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/returns/{returnId}/reject',
      summary: 'Reject a return with a reason; its units may be returned again',
      tags,
      ...guarded('returns:manage'),
      request: { ...edit, body: jsonBody(Reject) },
      responses: writeResponses(200, 'Rejected'),
    }),
    async (c) => {
      const { returnId } = c.req.valid('param');
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      const input = { returnId, reason: c.req.valid('json').reason };
      return writeAnswer(c, 200, await deps.handlers.rejectReturn(input, context(c), ifMatch));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/returns/{returnId}/receipts',
      summary: 'Record units received, each line restocked or written off; the refund follows',
      tags,
      ...guarded('returns:manage'),
      request: { ...edit, body: jsonBody(Receive) },
      responses: writeResponses(201, 'Received (and refunded, when the policy refunds on receipt)'),
    }),
    async (c) => {
      const { returnId } = c.req.valid('param');
      const body = c.req.valid('json');
      const request = idempotentRequest(c);
      const receiptId = body.receiptId ?? (request ? requestDerivedId('receipt', request) : deps.ids.newId());
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      const result = await deps.handlers.receiveReturn(
        { returnId, receiptId, location: body.location, lines: body.lines },
        context(c),
        ifMatch,
      );
      return writeAnswer(c, 201, result, { receiptId });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/returns/policy',
      summary: 'Set the returns policy (replaces the whole policy)',
      tags,
      ...guarded('returns:configure'),
      request: { headers: idempotencyHeader, body: jsonBody(Policy) },
      responses: writeResponses(200, 'Set'),
    }),
    async (c) => writeAnswer(c, 200, await deps.handlers.setReturnPolicy(c.req.valid('json'), context(c))),
  );
  return app;
}
