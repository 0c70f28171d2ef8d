import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { defaultHook } from '../../infra/http/default-hook.ts';
import { customerView, listCustomers } from '../../projections/customers/queries.ts';
import type { CustomersDatabase } from '../../projections/customers/tables.ts';
import { notFound, permissionGuard, type ReadAuthEnv } from '../http/auth.ts';
import { consistencyHeaders, consistencyQuery } from '../http/consistency.ts';
import { freshRead, type ReadContext } from '../http/read-context.ts';
import { authErrors, Id, jsonAnswer, Limit, notFoundError, readErrors, Text } from '../schemas/common.ts';

const tags = ['Customers'];
const projection = 'customers';

const Customer = z
  .object({
    customerId: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    status: z.enum(['unverified', 'active']),
    groups: z.array(z.string()),
    marketingConsent: z.object({
      granted: z.boolean(),
      source: z.string().nullable(),
      at: z.string().nullable(),
    }),
    preferences: z.object({ transactional: z.boolean(), marketing: z.boolean(), reminder: z.boolean() }),
    defaultAddressId: z.string().nullable(),
    addresses: z.array(
      z.object({
        addressId: z.string(),
        label: z.string(),
        address: z.record(z.string(), z.unknown()),
        isDefault: z.boolean(),
      }),
    ),
    signedUpAt: z.string(),
  })
  .openapi('Customer');
const CustomerSummary = z
  .object({
    customerId: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    status: z.enum(['unverified', 'active']),
    groups: z.array(z.string()),
    signedUpAt: z.string(),
  })
  .openapi('CustomerSummary');

/** The caller's own account (`GET /me`), and staff views of customers (one, and a list with search). */
export function customerReadRoutes(ctx: ReadContext) {
  const app = new OpenAPIHono<ReadAuthEnv>({ defaultHook });
  const one = (c: Parameters<typeof freshRead>[1], customerId: string) =>
    freshRead<CustomersDatabase, Awaited<ReturnType<typeof customerView>>>(ctx, c, projection, ({ db }) =>
      customerView(db, customerId),
    );
  const request = { query: z.object(consistencyQuery), headers: consistencyHeaders };
  const responses = {
    200: jsonAnswer(Customer, 'The account'),
    ...notFoundError,
    ...authErrors,
    ...readErrors,
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      summary: "The caller's account: profile, address book, consent, preferences, groups",
      tags,
      ...permissionGuard('account:self', ctx.authenticated),
      request,
      responses,
    }),
    async (c) => {
      const { value, headers } = await one(c, c.var.actor.id);
      if (!value) throw notFound('customer');
      return c.json(value, 200, headers);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/customers/{customerId}',
      summary: 'A customer account (staff)',
      tags,
      ...permissionGuard('customers:read', ctx.authenticated),
      request: { ...request, params: z.object({ customerId: Id }) },
      responses,
    }),
    async (c) => {
      const { value, headers } = await one(c, c.req.valid('param').customerId);
      if (!value) throw notFound('customer');
      return c.json(value, 200, headers);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/customers',
      summary: 'Customers, newest first, by part of the email or name and by group (staff)',
      tags,
      ...permissionGuard('customers:read', ctx.authenticated),
      request: {
        query: z.object({
          q: Text.max(200).optional(),
          group: Id.optional(),
          limit: Limit(500, 50),
          ...consistencyQuery,
        }),
        headers: consistencyHeaders,
      },
      responses: {
        200: jsonAnswer(z.object({ items: z.array(CustomerSummary) }), 'Customers'),
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { q, group, limit } = c.req.valid('query');
      const { value, headers } = await freshRead<
        CustomersDatabase,
        Awaited<ReturnType<typeof listCustomers>>
      >(ctx, c, projection, ({ db }) => listCustomers(db, { q, group, limit }));
      return c.json({ items: value }, 200, headers);
    },
  );
  return app;
}
