import { OpenAPIHono } from '@hono/zod-openapi';
import type { AuthEnv } from '../infra/auth/actor.ts';
import { authenticate } from '../infra/auth/authenticate.ts';
import { mountApiDocs } from '../infra/http/api-docs.ts';
import { defaultHook } from '../infra/http/default-hook.ts';
import { rejectUnstorableInput } from '../infra/http/reject-unstorable-input.ts';
import { routeNotFound } from '../infra/http/route-not-found.ts';
import { errorHandler } from './http/error-handler.ts';
import { idempotency } from './idempotency/idempotency.ts';
import { catalogRoutes } from './routes/catalog-routes.ts';
import { inventoryRoutes } from './routes/inventory-routes.ts';
import { locationRoutes } from './routes/location-routes.ts';
import { orderRoutes } from './routes/order-routes.ts';
import { paymentRoutes } from './routes/payment-routes.ts';
import { replenishmentRoutes } from './routes/replenishment-routes.ts';
import { stripeWebhookRoutes } from './routes/stripe-webhook-routes.ts';
import type { WriteApiDeps } from './write-api-deps.ts';

/**
 * The command API. Public: the OpenAPI document, its docs page, Stripe's signed webhook. Everything
 * else needs a bearer token and an Idempotency-Key on every POST, and answers errors as problem+json.
 */
export function createWriteApi(deps: WriteApiDeps) {
  const app = new OpenAPIHono({ defaultHook });
  app.onError(errorHandler({ log: deps.log }));
  app.notFound(routeNotFound(app));
  // Before every route, the webhook included: no handler may pass such text on to SQL or an event.
  app.use('*', rejectUnstorableInput());
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'A JWT whose `sub` is the actor and `role` is customer, staff or admin (`qm token` mints one).',
  });

  // Public routes come first: Hono runs handlers in the order they were added, so these answer
  // before the authentication below is reached.
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Quartermaster command API',
      version: '0.1.0',
      description:
        'Every write appends events. Answers carry the stream revision (ETag; send it back as If-Match on edits) and a consistency token (`position`, also the QM-Position header) for the read API.',
    },
  });
  mountApiDocs(app, '/openapi.json');
  app.route('/', stripeWebhookRoutes(deps));

  const api = new OpenAPIHono<AuthEnv>({ defaultHook });
  api.use('*', authenticate(deps.verifier), idempotency({ store: deps.idempotencyStore }));
  api.route('/', catalogRoutes(deps));
  api.route('/', locationRoutes(deps));
  api.route('/', inventoryRoutes(deps));
  api.route('/', orderRoutes(deps));
  api.route('/', paymentRoutes(deps));
  api.route('/', replenishmentRoutes(deps));
  app.route('/', api);
  return app;
}
