import type { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../infra/logging/logger.ts';
import { deliveryIdentity, enqueueDeliveries, markFailed } from '../../infra/mail/mail-deliveries.ts';
import { createOutboxTransport } from '../../infra/mail/outbox-transport.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { migratedPglite } from '../../test-support/databases.ts';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { notificationRoutes } from './notifications-routes.ts';
import { readRoutesApp } from '../../test-support/read-routes-app.ts';

const secret = 'notifications-read-test-secret-0123456789';
const log = createLogger('silent');

describe('notification admin routes on pglite', () => {
  let sql: SqlClient;
  let dispose: () => Promise<void>;
  let app: OpenAPIHono;
  let getAs: ReturnType<typeof readRoutesApp>['get'];
  const get = (url: string, role: 'staff' | 'admin' | null = 'admin') => getAs(url, role);

  beforeAll(async () => {
    ({ client: sql, dispose } = await migratedPglite());
    ({ app, get: getAs } = readRoutesApp(sql, notificationRoutes, { secret, log, consistencyWaitMs: 1_000 }));
    const mail = { subject: 'Order o1 confirmed', text: 'thanks', html: '<p>thanks</p>' };
    await enqueueDeliveries(sql, [
      { eventId: 'e1', template: 'order-confirmation', to: 'ada@example.com', ...mail },
      { eventId: 'e2', template: 'order-confirmation', to: 'bob@example.com', ...mail },
    ]);
    const parked = deliveryIdentity({ eventId: 'e2', template: 'order-confirmation', to: 'bob@example.com' });
    expect(await markFailed(sql, parked.id, '550 no such mailbox', 1, 0)).toBe('parked');
    const kept = deliveryIdentity({ eventId: 'e1', template: 'order-confirmation', to: 'ada@example.com' });
    await createOutboxTransport(sql).send({
      deliveryId: kept.id,
      to: 'ada@example.com',
      messageId: kept.messageId,
      ...mail,
    });
  });
  afterAll(() => dispose());

  it('lists parked mail with its error, and every delivery', async () => {
    const parked = await get('/admin/notifications/deliveries?status=parked');
    expect(parked.status).toBe(200);
    expect(parked.body.items).toEqual([
      expect.objectContaining({
        to: 'bob@example.com',
        status: 'parked',
        attempts: 1,
        lastError: '550 no such mailbox',
      }),
    ]);
    expect((await get('/admin/notifications/deliveries')).body.items).toHaveLength(2);
  });

  it('shows the outbox with bodies', async () => {
    const outbox = await get('/admin/notifications/outbox');
    expect(outbox.body.items).toEqual([
      expect.objectContaining({
        to: 'ada@example.com',
        subject: 'Order o1 confirmed',
        html: '<p>thanks</p>',
      }),
    ]);
  });

  it('is for admins only, and names a bad query field', async () => {
    expect((await get('/admin/notifications/outbox', 'staff')).status).toBe(403);
    expect((await get('/admin/notifications/outbox', null)).status).toBe(401);
    const bad = await app.request('/admin/notifications/deliveries?status=lost', {
      headers: { authorization: `Bearer ${await mintToken({ secret, role: 'admin', subject: 'a' })}` },
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('status');
  });
});
