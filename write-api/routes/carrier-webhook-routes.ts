import { Hono } from 'hono';
import { HttpProblem } from '../../infra/http/problem.ts';
import { CarrierSignatureInvalid } from '../../ports/carrier.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';

/**
 * The carrier's tracking webhook (EasyPost): no bearer token (EasyPost signs instead), the
 * signature verified on the raw body before anything in it is believed, each event handled once
 * however often it is delivered. The update goes onto the order its label was bought for.
 */
export function carrierWebhookRoutes(deps: WriteApiDeps) {
  const app = new Hono();
  app.post('/webhooks/easypost', async (c) => {
    const read = deps.handlers.trackingFromWebhook;
    if (!read)
      throw new HttpProblem({
        status: 404,
        code: 'carrier_not_configured',
        title: 'Not found',
        detail: 'This server takes no carrier webhooks: no carrier is configured (set QM_EASYPOST_API_KEY).',
      });
    const update = await read(await c.req.text(), {
      'x-hmac-signature': c.req.header('x-hmac-signature'),
    }).catch((error: unknown) => {
      if (!(error instanceof CarrierSignatureInvalid)) throw error;
      throw new HttpProblem({
        status: 400,
        code: 'invalid_signature',
        title: 'Invalid signature',
        detail: 'X-Hmac-Signature does not match the body for this server’s webhook secret.',
      });
    });
    if (!update) return c.json({ received: true, handled: false });
    if (await deps.processedWebhooks.seen('easypost', update.eventId))
      return c.json({ received: true, handled: false, duplicate: true });
    const result = await deps.handlers.recordTracking(update, {
      actor: { id: 'easypost', role: 'system' },
      correlationId: deps.ids.newId(),
      causationId: update.eventId,
      now: deps.clock.now().toISOString(),
    });
    await deps.processedWebhooks.record('easypost', update.eventId);
    return c.json({ received: true, handled: result !== null && result.events.length > 0 });
  });
  return app;
}
