import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { defaultHook } from '../../infra/http/default-hook.ts';
import type { AuditDatabase } from '../../projections/audit/tables.ts';
import { skuConflicts } from '../../projections/catalog/queries.ts';
import type { CatalogDatabase } from '../../projections/catalog/tables.ts';
import type { InventoryDatabase } from '../../projections/inventory/tables.ts';
import { permissionGuard, type ReadAuthEnv } from '../http/auth.ts';
import { consistencyHeaders, consistencyQuery } from '../http/consistency.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { freshRead, type ReadContext } from '../http/read-context.ts';
import { auditEntries } from '../../projections/audit/queries.ts';
import { lowStock, stockLevelPage } from '../../projections/inventory/queries.ts';
import { authErrors, Cursor, Id, jsonAnswer, Limit, readErrors, Text, Time } from '../schemas/common.ts';

const tags = ['Staff'];

const LowStockItem = z
  .object({
    sku: z.string(),
    location: z.string(),
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int(),
    backordered: z.number().int(),
    lowStockThreshold: z.number().int().nullable(),
    lowStock: z.boolean(),
    revision: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('LowStockItem');

const AuditEntry = z
  .object({
    eventId: z.string(),
    at: z.string(),
    actor: z.object({ id: z.string(), role: z.string() }),
    entity: z.object({ type: z.string(), id: z.string(), stream: z.string() }),
    action: z.string(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    reason: z.string().nullable(),
    correlationId: z.string(),
    position: z.string(),
  })
  .openapi('AuditEntry');

const SkuConflict = z
  .object({
    sku: z.string(),
    heldBy: z.string().nullable().openapi({ description: 'The product that had the SKU first.' }),
    productId: z.string(),
    name: z.string(),
    status: z.enum(['active', 'discontinued']),
    createdAt: z.string(),
  })
  .openapi('SkuConflict');

const AuditQuery = z
  .object({
    actor: Id.optional().openapi({ description: 'Only actions by this actor id.' }),
    entityType: Text.regex(
      /^[a-z][a-z0-9-]{0,39}$/,
      'must be a stream category such as product, stock or order',
    )
      .optional()
      .openapi({ example: 'product' }),
    entityId: Text.min(1).max(200).optional().openapi({ example: 'p-1001' }),
    from: Time.optional().openapi({ description: 'From this time (inclusive).' }),
    to: Time.optional().openapi({ description: 'Until this time (exclusive).' }),
    limit: Limit(200, 50),
    cursor: Cursor,
    ...consistencyQuery,
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && Date.parse(query.from) >= Date.parse(query.to)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    }
  });

const LowStockCursor = z.object({ a: z.number().int(), s: z.string(), l: z.string() });
const LevelCursor = z.object({ s: z.string(), l: z.string() });
const AuditCursor = z.object({
  at: z.iso.datetime(),
  c: z.string().regex(/^\d+$/),
  p: z.string().regex(/^\d+$/),
});

/**
 * Staff views: every stock level, the low-stock list, the audit trail of every admin and staff action, and products
 * whose SKU another product had first.
 */
export function staffRoutes(ctx: ReadContext) {
  const app = new OpenAPIHono<ReadAuthEnv>({ defaultHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/staff/low-stock',
      summary: 'Stock levels at or below their low-stock threshold, emptiest first',
      tags,
      ...permissionGuard('stock:read', ctx.authenticated),
      request: {
        query: z.object({
          location: Id.optional(),
          limit: Limit(500, 100),
          cursor: Cursor,
          ...consistencyQuery,
        }),
        headers: consistencyHeaders,
      },
      responses: {
        200: jsonAnswer(
          z.object({ items: z.array(LowStockItem), nextCursor: z.string().nullable() }),
          'Low stock, scarcest first',
        ),
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { location, limit, cursor } = c.req.valid('query');
      const keyset = decodeCursor(cursor, LowStockCursor);
      const { value, headers } = await freshRead<InventoryDatabase, Awaited<ReturnType<typeof lowStock>>>(
        ctx,
        c,
        'inventory',
        ({ db }) =>
          lowStock(db, {
            ...(location ? { location } : {}),
            limit: limit + 1,
            ...(keyset ? { after: { available: keyset.a, sku: keyset.s, location: keyset.l } } : {}),
          }),
      );
      const items = value.slice(0, limit);
      const last = items[items.length - 1];
      const nextCursor =
        value.length > limit && last
          ? encodeCursor({ a: last.available, s: last.sku, l: last.location })
          : null;
      return c.json({ items, nextCursor }, 200, headers);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/staff/stock-levels',
      summary: 'Stock per SKU and location (on hand, reserved, available, threshold), by SKU',
      tags,
      ...permissionGuard('stock:read', ctx.authenticated),
      request: {
        query: z.object({
          sku: Id.optional().openapi({ description: 'Only this SKU.', example: 'IPH15' }),
          location: Id.optional().openapi({ description: 'Only this location.', example: 'berlin' }),
          low: z
            .enum(['true', 'false'])
            .optional()
            .openapi({ description: '`true`: only levels at or below their threshold.', example: 'true' }),
          limit: Limit(500, 100),
          cursor: Cursor,
          ...consistencyQuery,
        }),
        headers: consistencyHeaders,
      },
      responses: {
        200: jsonAnswer(
          z.object({ items: z.array(LowStockItem), nextCursor: z.string().nullable() }),
          'Stock levels, by SKU then location',
        ),
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { sku, location, low, limit, cursor } = c.req.valid('query');
      const keyset = decodeCursor(cursor, LevelCursor);
      const { value, headers } = await freshRead<
        InventoryDatabase,
        Awaited<ReturnType<typeof stockLevelPage>>
      >(ctx, c, 'inventory', ({ db }) =>
        stockLevelPage(db, {
          sku,
          location,
          lowOnly: low === 'true',
          limit: limit + 1,
          after: keyset ? { sku: keyset.s, location: keyset.l } : undefined,
        }),
      );
      const items = value.slice(0, limit);
      const last = items[items.length - 1];
      const nextCursor =
        value.length > limit && last ? encodeCursor({ s: last.sku, l: last.location }) : null;
      return c.json({ items, nextCursor }, 200, headers);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/staff/audit',
      summary: 'Audit trail: who did what to which entity, with before, after and reason',
      tags,
      ...permissionGuard('audit:read', ctx.authenticated),
      request: { query: AuditQuery, headers: consistencyHeaders },
      responses: {
        200: jsonAnswer(
          z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() }),
          'Newest first',
        ),
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const keyset = decodeCursor(query.cursor, AuditCursor);
      const { value, headers } = await freshRead<AuditDatabase, Awaited<ReturnType<typeof auditEntries>>>(
        ctx,
        c,
        'audit',
        ({ db }) =>
          auditEntries(db, {
            actorId: query.actor,
            entityType: query.entityType,
            entityId: query.entityId,
            from: query.from,
            to: query.to,
            limit: query.limit,
            after: keyset ? { at: keyset.at, commit: keyset.c, prepare: keyset.p } : undefined,
          }),
      );
      return c.json(
        {
          items: value.items,
          nextCursor: value.next
            ? encodeCursor({ at: value.next.at, c: value.next.commit, p: value.next.prepare })
            : null,
        },
        200,
        headers,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/staff/sku-conflicts',
      summary: 'Products created with a SKU another product already had, for staff to resolve',
      description:
        'Only a store written before SKUs were claimed on the write side holds any. Such a product is kept out of listings and search; discontinue the one that is wrong.',
      tags,
      ...permissionGuard('stock:read', ctx.authenticated),
      request: {
        query: z.object({ limit: Limit(500, 100), ...consistencyQuery }),
        headers: consistencyHeaders,
      },
      responses: {
        200: jsonAnswer(z.object({ items: z.array(SkuConflict) }), 'Oldest first'),
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { limit } = c.req.valid('query');
      const { value, headers } = await freshRead<CatalogDatabase, Awaited<ReturnType<typeof skuConflicts>>>(
        ctx,
        c,
        'catalog',
        ({ db }) => skuConflicts(db, limit),
      );
      return c.json({ items: value }, 200, headers);
    },
  );

  return app;
}
