import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { defaultHook } from '../../infra/http/default-hook.ts';
import {
  customerOrders,
  openClaims,
  openDisputes,
  orderDetail,
  orderOwner,
  searchOrders,
} from '../../projections/orders/queries.ts';
import type { OrdersDatabase } from '../../projections/orders/tables.ts';
import { assertOwnerOrStaff, permissionGuard, type ReadAuthEnv } from '../http/auth.ts';
import { consistencyHeaders, consistencyQuery } from '../http/consistency.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { freshRead, type ReadContext } from '../http/read-context.ts';
import { authErrors, Id, jsonAnswer, Limit, notFoundError, readErrors } from '../schemas/common.ts';
import {
  ClaimQueue,
  DisputeQueue,
  MyOrdersQuery,
  OrderDetail,
  OrderPage,
  StaffOrdersQuery,
} from '../schemas/orders.ts';

const tags = ['Orders'];
const ORDERS = 'orders';
const OrderCursor = z.object({ at: z.iso.datetime(), id: z.string() });

/**
 * Orders: a customer sees their own; staff and admins see any, and search them all. Never cached
 * (per-user answers).
 */
export function orderRoutes(ctx: ReadContext) {
  const app = new OpenAPIHono<ReadAuthEnv>({ defaultHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/orders/{orderId}',
      summary: 'An order with lines, payments, refunds, shipments and its timeline',
      tags,
      ...permissionGuard('orders:read', ctx.authenticated),
      request: {
        params: z.object({ orderId: Id }),
        query: z.object(consistencyQuery),
        headers: consistencyHeaders,
      },
      responses: {
        200: jsonAnswer(OrderDetail, 'The order'),
        ...notFoundError,
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      const { value, headers } = await freshRead<OrdersDatabase, Awaited<ReturnType<typeof orderDetail>>>(
        ctx,
        c,
        ORDERS,
        async ({ db }) => {
          // Ownership first: another customer's order is answered exactly like a missing one.
          assertOwnerOrStaff(c.var.actor, await orderOwner(db, orderId), 'order');
          return orderDetail(db, orderId);
        },
      );
      if (!value) assertOwnerOrStaff(c.var.actor, undefined, 'order');
      return c.json(value!, 200, headers);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/orders',
      summary: "The caller's orders, newest first",
      tags,
      ...permissionGuard('orders:read', ctx.authenticated),
      request: { query: MyOrdersQuery, headers: consistencyHeaders },
      responses: { 200: jsonAnswer(OrderPage, 'One page of orders'), ...authErrors, ...readErrors },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const keyset = decodeCursor(cursor, OrderCursor);
      const { value, headers } = await freshRead<OrdersDatabase, Awaited<ReturnType<typeof customerOrders>>>(
        ctx,
        c,
        ORDERS,
        ({ db }) =>
          customerOrders(db, {
            customerId: c.var.actor.id,
            limit,
            after: keyset ? { placedAt: keyset.at, id: keyset.id } : undefined,
          }),
      );
      return c.json(pageAnswer(value), 200, headers);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/staff/orders',
      summary: 'Every order, newest first, filtered by status, customer, time placed and total',
      tags,
      ...permissionGuard('orders:act-for-others', ctx.authenticated),
      request: { query: StaffOrdersQuery, headers: consistencyHeaders },
      responses: { 200: jsonAnswer(OrderPage, 'One page of orders'), ...authErrors, ...readErrors },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const keyset = decodeCursor(query.cursor, OrderCursor);
      const { value, headers } = await freshRead<OrdersDatabase, Awaited<ReturnType<typeof searchOrders>>>(
        ctx,
        c,
        ORDERS,
        ({ db }) =>
          searchOrders(db, {
            filters: {
              status: query.status,
              customerId: query.customer,
              placedFrom: query.from,
              placedTo: query.to,
              minTotal: query.minTotal,
              maxTotal: query.maxTotal,
            },
            limit: query.limit,
            after: keyset ? { placedAt: keyset.at, id: keyset.id } : undefined,
          }),
      );
      return c.json(pageAnswer(value), 200, headers);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/staff/disputes',
      summary: 'Open disputes (chargebacks), the soonest due first',
      description:
        'Each with its order, amount, reason, the date evidence is due at the payment provider (those without one last) and what the provider withdrew.',
      tags,
      ...permissionGuard('orders:act-for-others', ctx.authenticated),
      request: {
        query: z.object({ limit: Limit(500, 50), ...consistencyQuery }),
        headers: consistencyHeaders,
      },
      responses: { 200: jsonAnswer(DisputeQueue, 'The open disputes'), ...authErrors, ...readErrors },
    }),
    async (c) => {
      const { limit } = c.req.valid('query');
      const { value, headers } = await freshRead<OrdersDatabase, Awaited<ReturnType<typeof openDisputes>>>(
        ctx,
        c,
        ORDERS,
        ({ db }) => openDisputes(db, limit),
      );
      return c.json({ items: value }, 200, headers);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/staff/claims',
      summary: 'Open claims (damaged, missing or wrong on delivery), the longest waiting first',
      tags,
      ...permissionGuard('returns:manage', ctx.authenticated),
      request: {
        query: z.object({ limit: Limit(500, 50), ...consistencyQuery }),
        headers: consistencyHeaders,
      },
      responses: { 200: jsonAnswer(ClaimQueue, 'The open claims'), ...authErrors, ...readErrors },
    }),
    async (c) => {
      const { limit } = c.req.valid('query');
      const { value, headers } = await freshRead<OrdersDatabase, Awaited<ReturnType<typeof openClaims>>>(
        ctx,
        c,
        ORDERS,
        ({ db }) => openClaims(db, limit),
      );
      return c.json({ items: value }, 200, headers);
    },
  );

  return app;
}

/** A page as the API answers it: the keyset of its last row as an opaque cursor. */
function pageAnswer(page: Awaited<ReturnType<typeof searchOrders>>) {
  return {
    items: page.items,
    nextCursor: page.next ? encodeCursor({ at: page.next.placedAt, id: page.next.id }) : null,
  };
}
