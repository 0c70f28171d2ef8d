import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Actor } from '../../infra/auth/actor.ts';
import { systemClock, type Clock } from '../../ports/clock.ts';
import { hasPermission } from '../../infra/auth/grants.ts';
import { defaultHook } from '../../infra/http/default-hook.ts';
import { orderOwner, orderTimeline } from '../../projections/orders/queries.ts';
import type { OrdersDatabase } from '../../projections/orders/tables.ts';
import {
  currentReturnPolicy,
  customerReturns,
  orderReturnSteps,
  returnCustomer,
  returnDetail,
  returnQueue,
} from '../../projections/returns/queries.ts';
import type { ReturnsDatabase } from '../../projections/returns/tables.ts';
import { assertOwnerOrStaff, notFound, permissionGuard, type ReadAuthEnv } from '../http/auth.ts';
import { combinedFreshness } from '../http/combined-freshness.ts';
import { consistencyHeaders, consistencyQuery } from '../http/consistency.ts';
import { freshRead, type ReadContext } from '../http/read-context.ts';
import { authErrors, Id, jsonAnswer, Limit, Money, notFoundError, readErrors } from '../schemas/common.ts';
import { ReturnPolicy } from '../schemas/return-policy.ts';

const tags = ['Returns'];
const RETURNS = 'returns';
const ORDERS = 'orders';
const DAY_MS = 24 * 60 * 60 * 1000;

const statuses = ['requested', 'authorized', 'rejected', 'partially_received', 'received'] as const;

const Step = z.object({
  eventId: z.string(),
  type: z.string(),
  summary: z.string(),
  at: z.string(),
  by: z.object({ id: z.string(), role: z.string() }),
  correlationId: z.string(),
  revision: z.number().int(),
});

const ReturnSummary = z
  .object({
    returnId: z.string(),
    orderId: z.string(),
    customerId: z.string(),
    status: z.enum(statuses),
    statusSince: z.string(),
    rmaNumber: z.string().nullable(),
    reason: z.string(),
    openedBy: z.enum(['customer', 'staff']),
    itemCount: z.number().int(),
    receivedCount: z.number().int(),
    refunded: Money,
    label: z.object({ carrier: z.string(), trackingNumber: z.string(), labelUrl: z.string() }).nullable(),
    lines: z.array(
      z.object({
        lineId: z.string(),
        sku: z.string(),
        quantity: z.number().int(),
        received: z.number().int(),
        restocked: z.number().int(),
        writtenOff: z.number().int(),
      }),
    ),
    requestedAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ReturnSummary');

const ReturnDetail = ReturnSummary.extend({ steps: z.array(Step) }).openapi('ReturnDetail');

const QueuedReturn = ReturnSummary.extend({
  waitingDays: z.number().openapi({ description: 'How long it has been in its status, in days.' }),
}).openapi('QueuedReturn');

const TimelineEntry = Step.extend({
  source: z.enum(['order', 'return']),
  returnId: z.string().nullable(),
}).openapi('OrderTimelineEntry');

/**
 * When it happened, then the event id: a refund run on receipt carries the receipt's time, and the
 * ids (UUIDv7) say which was made first.
 */
const byTimeThenEventId = (a: { at: string; eventId: string }, b: { at: string; eventId: string }) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;

/** The customer's own, or anyone's for staff who handle returns; another's is answered as missing. */
function assertReturnReader(actor: Actor, customerId: string | undefined): void {
  if (customerId === undefined) throw notFound('return');
  if (actor.id === customerId || hasPermission(actor, 'returns:manage')) return;
  throw notFound('return');
}

/**
 * After the sale: the returns policy (public: a storefront shows its windows and reasons), the
 * customer's returns, the staff RMA queue (by status and age), one return with its steps, and an
 * order's whole timeline (its own events and every step of its returns, each with who made it).
 * Never cached (per-user and staff answers; the policy is one row by its key). `clock` says how long a return
 * has waited (tests pass the command harness's clock).
 */
export function returnsReadRoutes(ctx: ReadContext, clock: Clock = systemClock) {
  const app = new OpenAPIHono<ReadAuthEnv>({ defaultHook });
  const consistency = { query: z.object(consistencyQuery), headers: consistencyHeaders };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/returns/policy',
      summary:
        'The returns policy: windows by category and product, reasons, shipping refund, restocking fee',
      description:
        'Public, for storefronts and the return forms: a line may be returned within its product’s window, else its category’s, else `defaultWindowDays`, counted from delivery; `reasons` are those a return may name. Until staff set a policy (`POST /returns/policy` on the command API) this is the default, with `setAt` null.',
      tags,
      request: consistency,
      responses: {
        200: jsonAnswer(ReturnPolicy, 'The policy in force'),
        ...readErrors,
      },
    }),
    async (c) => {
      const { value, headers } = await freshRead<
        ReturnsDatabase,
        Awaited<ReturnType<typeof currentReturnPolicy>>
      >(ctx, c, RETURNS, ({ db }) => currentReturnPolicy(db));
      return c.json(value, 200, headers);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/returns',
      summary: "The caller's returns, newest first",
      tags,
      ...permissionGuard('returns:request', ctx.authenticated),
      request: {
        query: z.object({ limit: Limit(100, 20), ...consistencyQuery }),
        headers: consistencyHeaders,
      },
      responses: {
        200: jsonAnswer(z.object({ items: z.array(ReturnSummary) }), 'The returns'),
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { limit } = c.req.valid('query');
      const { value, headers } = await freshRead<
        ReturnsDatabase,
        Awaited<ReturnType<typeof customerReturns>>
      >(ctx, c, RETURNS, ({ db }) => customerReturns(db, { customerId: c.var.actor.id, limit }));
      return c.json({ items: value }, 200, headers);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/returns',
      summary: 'The RMA queue (staff): returns by status, the longest waiting first',
      description:
        'The queues: `requested` awaits authorization, `authorized` is in transit to the shop, `partially_received` awaits the rest and its inspection. `olderThanDays` keeps those in their status at least that long; `orderId` keeps one order’s.',
      tags,
      ...permissionGuard('returns:manage', ctx.authenticated),
      request: {
        query: z.object({
          status: z.enum(statuses).optional().openapi({ example: 'requested' }),
          olderThanDays: z.coerce
            .number()
            .int('must be a whole number')
            .min(0)
            .max(3650)
            .optional()
            .openapi({ description: 'At least this many days in the status.', example: 3 }),
          orderId: Id.optional().openapi({
            description: 'Only the returns of this order (the dashboard’s order page).',
            example: 'o-1001',
          }),
          limit: Limit(500, 50),
          ...consistencyQuery,
        }),
        headers: consistencyHeaders,
      },
      responses: {
        200: jsonAnswer(z.object({ items: z.array(QueuedReturn) }), 'One page of the queue'),
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { status, olderThanDays, orderId, limit } = c.req.valid('query');
      const now = clock.now();
      const { value, headers } = await freshRead<ReturnsDatabase, Awaited<ReturnType<typeof returnQueue>>>(
        ctx,
        c,
        RETURNS,
        ({ db }) =>
          returnQueue(db, {
            status,
            olderThanMs: olderThanDays === undefined ? undefined : olderThanDays * DAY_MS,
            orderId,
            now,
            limit,
          }),
      );
      const items = value.map((item) => ({
        ...item,
        waitingDays: Math.floor(((now.getTime() - Date.parse(item.statusSince)) / DAY_MS) * 10) / 10,
      }));
      return c.json({ items }, 200, headers);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/returns/{returnId}',
      summary: 'A return with each of its steps and who made it (a customer its own)',
      tags,
      ...permissionGuard('returns:request', ctx.authenticated),
      request: { ...consistency, params: z.object({ returnId: Id }) },
      responses: {
        200: jsonAnswer(ReturnDetail, 'The return'),
        ...notFoundError,
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { returnId } = c.req.valid('param');
      const { value, headers } = await freshRead<ReturnsDatabase, Awaited<ReturnType<typeof returnDetail>>>(
        ctx,
        c,
        RETURNS,
        async ({ db }) => {
          assertReturnReader(c.var.actor, await returnCustomer(db, returnId));
          return returnDetail(db, returnId);
        },
      );
      if (!value) throw notFound('return');
      return c.json(value, 200, headers);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/orders/{orderId}/timeline',
      summary: "An order's whole timeline: its own events and every step of its returns, with who made each",
      tags: ['Orders', ...tags],
      ...permissionGuard('orders:read', ctx.authenticated),
      request: { ...consistency, params: z.object({ orderId: Id }) },
      responses: {
        200: jsonAnswer(z.object({ orderId: z.string(), entries: z.array(TimelineEntry) }), 'The timeline'),
        ...notFoundError,
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      const own = await freshRead<OrdersDatabase, Awaited<ReturnType<typeof orderTimeline>>>(
        ctx,
        c,
        ORDERS,
        async ({ db }) => {
          // Ownership first: another customer's order is answered exactly like a missing one.
          assertOwnerOrStaff(c.var.actor, await orderOwner(db, orderId), 'order');
          return orderTimeline(db, orderId);
        },
      );
      if (!own.value) throw notFound('order');
      const after = await freshRead<ReturnsDatabase, Awaited<ReturnType<typeof orderReturnSteps>>>(
        ctx,
        c,
        RETURNS,
        ({ db }) => orderReturnSteps(db, orderId),
      );
      const entries = [
        ...own.value.map((entry) => ({ ...entry, source: 'order' as const, returnId: null })),
        ...after.value.map((step) => ({ ...step, source: 'return' as const })),
      ].sort(byTimeThenEventId);
      return c.json({ orderId, entries }, 200, combinedFreshness(own.headers, after.headers));
    },
  );

  return app;
}
