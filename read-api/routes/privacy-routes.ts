import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { defaultHook } from '../../infra/http/default-hook.ts';
import { dataExportZip } from '../../infra/privacy/data-export-zip.ts';
import { subjectSideRows } from '../../infra/privacy/subject-side-rows.ts';
import { subjectStreams } from '../../infra/privacy/subject-streams.ts';
import type { EventStore } from '../../ports/event-store.ts';
import { positionToToken } from '../../ports/position.ts';
import { customerOrderRows } from '../../projections/orders/queries.ts';
import type { OrdersDatabase } from '../../projections/orders/tables.ts';
import { permissionGuard, type ReadAuthEnv } from '../http/auth.ts';
import type { ReadContext } from '../http/read-context.ts';
import { Text, authErrors, readErrors } from '../schemas/common.ts';

const tags = ['Privacy'];
const zip = {
  description: 'A ZIP: manifest.json, events.json, one JSON file per read-model and side table',
  content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
};
const CustomerId = Text.min(1).max(200).openapi({ example: 'c-1001' });

/**
 * GDPR data export (art. 15 and 20): every event about the subject (opened, or `[erased]` after
 * an erasure) and every row the read models and side tables hold about them, as JSON in a ZIP.
 * Customers export themselves (`/me/data`, the token's subject); admins anyone. Needs the event
 * store (`ReadApiDeps.store`), so it is mounted with it.
 */
export function privacyReadRoutes(ctx: ReadContext & { store: EventStore }) {
  const app = new OpenAPIHono<ReadAuthEnv>({ defaultHook });
  const answer = async (c: Context, customerId: string) => {
    const archive = dataExportZip(await exportOf(ctx, customerId));
    return c.body(archive as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="quartermaster-data-${encodeURIComponent(customerId)}.zip"`,
      'cache-control': 'no-store',
    });
  };
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/data',
      summary: 'Export all data held about me (ZIP)',
      tags,
      ...permissionGuard('account:self', ctx.authenticated),
      responses: { 200: zip, ...readErrors, ...authErrors },
    }),
    (c) => answer(c, c.var.actor.id) as never,
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/customers/{customerId}/data',
      summary: 'Export all data held about a customer (ZIP)',
      tags,
      ...permissionGuard('privacy:manage', ctx.authenticated),
      request: { params: z.object({ customerId: CustomerId }) },
      responses: { 200: zip, ...readErrors, ...authErrors },
    }),
    (c) => answer(c, c.req.valid('param').customerId) as never,
  );
  return app;
}

async function exportOf(ctx: ReadContext & { store: EventStore }, customerId: string) {
  const orders = await ctx.readModels.read<OrdersDatabase, Record<string, unknown[]>>('orders', ({ db }) =>
    customerOrderRows(db, customerId),
  );
  const orderIds = (orders.orders as { order_id: string }[]).map((row) => row.order_id);
  const streams = subjectStreams(customerId, orderIds);
  const events = (await Promise.all(streams.map((stream) => ctx.store.readStream(stream)))).flat();
  const side = await subjectSideRows(ctx.db, customerId);
  return {
    subject: customerId,
    generatedAt: new Date().toISOString(),
    files: {
      events: events.map((event) => ({ ...event, position: positionToToken(event.position) })),
      ...Object.fromEntries(
        Object.entries(orders).map(([table, rows]) => [`read-models/orders/${table}`, rows]),
      ),
      ...Object.fromEntries(Object.entries(side).map(([table, rows]) => [`side-tables/${table}`, rows])),
    },
  };
}
