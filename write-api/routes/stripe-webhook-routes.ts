import { Hono } from 'hono';
import { HttpProblem } from '../../infra/http/problem.ts';
import { verifyStripeWebhook } from '../../infra/payments/stripe/verify-stripe-webhook.ts';
import { isDisputeNotification } from '../../ports/payments.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';

/**
 * Stripe's webhook: no bearer token (Stripe signs instead), the signature verified on the raw
 * body, each Stripe event handled once however often it is delivered. A 2xx tells Stripe to stop
 * retrying, so it is only sent once the order has the news.
 */
export function stripeWebhookRoutes(deps: WriteApiDeps) {
  const app = new Hono();
  app.post('/webhooks/stripe', async (c) => {
    const secret = deps.stripeWebhookSecret;
    if (!secret) throw stripeNotConfigured();
    const notification = verifyStripeWebhook(
      await c.req.text(),
      c.req.header('stripe-signature') ?? '',
      secret,
    );
    if (!notification) return c.json({ received: true, handled: false });
    if (await deps.processedWebhooks.seen('stripe', notification.providerEventId)) {
      return c.json({ received: true, handled: false, duplicate: true });
    }
    const context = {
      actor: { id: 'stripe', role: 'system' as const },
      correlationId: deps.ids.newId(),
      causationId: notification.providerEventId,
      now: deps.clock.now().toISOString(),
    };
    const result = isDisputeNotification(notification)
      ? await deps.handlers.applyDisputeNotification(notification, context)
      : await deps.handlers.applyPaymentNotification(notification, context);
    await deps.processedWebhooks.record('stripe', notification.providerEventId);
    return c.json({ received: true, handled: result.events.length > 0 });
  });
  return app;
}

/**
 * Without a webhook secret there is no Stripe to listen to: a 404 like any path nothing answers,
 * as problem+json, saying how to turn the route on (`c.notFound()` would answer with whichever
 * not-found handler the outermost app has, which need not be problem+json).
 */
function stripeNotConfigured(): HttpProblem {
  return new HttpProblem({
    status: 404,
    code: 'stripe_not_configured',
    title: 'Not found',
    detail:
      'This server takes no Stripe webhooks: Stripe is not configured (set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET).',
  });
}
