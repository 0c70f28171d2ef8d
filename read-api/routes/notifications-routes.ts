import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { defaultHook } from '../../infra/http/default-hook.ts';
import { listDeliveries, listOutbox } from '../../infra/mail/mail-deliveries.ts';
import { permissionGuard, type ReadAuthEnv } from '../http/auth.ts';
import type { ReadContext } from '../http/read-context.ts';
import { authErrors, Limit, readErrors } from '../schemas/common.ts';

const tags = ['Notifications'];

const Delivery = z
  .object({
    deliveryId: z.string(),
    eventId: z.string(),
    template: z.string(),
    to: z.string(),
    subject: z.string(),
    status: z.enum(['pending', 'sent', 'parked']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi('MailDelivery');

const OutboxMail = z
  .object({
    deliveryId: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
    messageId: z.string(),
    createdAt: z.string(),
  })
  .openapi('OutboxMail');

const json = <Schema extends z.ZodType>(schema: Schema, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/**
 * Admin views of notification mail: deliveries (parked ones are mail that failed at every attempt;
 * `qm mail retry <id>` queues one again) and the outbox (mail kept instead of sent, without
 * SMTP_URL). Mount with `app.route('/', notificationRoutes(ctx))`.
 */
export function notificationRoutes(ctx: ReadContext) {
  const app = new OpenAPIHono<ReadAuthEnv>({ defaultHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/notifications/deliveries',
      summary: 'Mail deliveries, newest first; `status=parked` lists what failed at every attempt',
      tags,
      ...permissionGuard('notifications:manage', ctx.authenticated),
      request: {
        query: z.object({ status: z.enum(['pending', 'sent', 'parked']).optional(), limit: Limit(500, 50) }),
      },
      responses: {
        200: json(z.object({ items: z.array(Delivery) }), 'Deliveries'),
        ...readErrors,
        ...authErrors,
      },
    }),
    async (c) => {
      const { status, limit } = c.req.valid('query');
      const deliveries = await listDeliveries(ctx.db, { ...(status ? { status } : {}), limit });
      // Bodies stay out of the list: they are long, and the outbox route shows them.
      const items = deliveries.map(
        ({ text: _text, html: _html, messageId: _messageId, ...delivery }) => delivery,
      );
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/notifications/outbox',
      summary: 'The mail outbox (mail kept instead of sent when no SMTP_URL is set), newest first',
      tags,
      ...permissionGuard('notifications:manage', ctx.authenticated),
      request: { query: z.object({ limit: Limit(500, 50) }) },
      responses: {
        200: json(z.object({ items: z.array(OutboxMail) }), 'Outbox'),
        ...readErrors,
        ...authErrors,
      },
    }),
    async (c) => c.json({ items: await listOutbox(ctx.db, c.req.valid('query').limit) }, 200),
  );

  return app;
}
