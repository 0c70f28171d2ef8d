import { OpenAPIHono } from '@hono/zod-openapi';
import { defaultHook } from '../infra/http/default-hook.ts';
import { createApiApp } from '../infra/http/api-app.ts';
import type { AuthEnv } from '../infra/auth/actor.ts';
import { authenticate } from '../infra/auth/authenticate.ts';
import { errorHandler } from './http/error-handler.ts';
import { idempotency } from './idempotency/idempotency.ts';
import { catalogRoutes } from './routes/catalog-routes.ts';
import { importRoutes } from './routes/import-routes.ts';
import { memoryImportJobs } from '../infra/imports/import-jobs.ts';
import { cartRoutes } from './routes/cart-routes.ts';
import { cartRestoreRoutes } from './routes/cart-restore-routes.ts';
import { customerPublicRoutes, customerRoutes } from './routes/customer-routes.ts';
import { wishlistRoutes } from './routes/wishlist-routes.ts';
import { passwordResetRoutes } from './routes/password-reset-routes.ts';
import { staffAccountRoutes, staffPublicRoutes } from './routes/staff-account-routes.ts';
import { inventoryRoutes } from './routes/inventory-routes.ts';
import { locationRoutes } from './routes/location-routes.ts';
import { orderRoutes } from './routes/order-routes.ts';
import { paymentRoutes } from './routes/payment-routes.ts';
import { privacyRoutes } from './routes/privacy-routes.ts';
import { replenishmentRoutes } from './routes/replenishment-routes.ts';
import { roleRoutes } from './routes/role-routes.ts';
import { reportRoutes } from './routes/report-routes.ts';
import { returnRoutes } from './routes/return-routes.ts';
import { exchangeRoutes } from './routes/exchange-routes.ts';
import { claimRoutes } from './routes/claim-routes.ts';
import { pricingRoutes } from './routes/pricing-routes.ts';
import { promotionRoutes } from './routes/promotion-routes.ts';
import { priceChangeRoutes } from './routes/price-change-routes.ts';
import { priceListRoutes } from './routes/price-list-routes.ts';
import { accountSecurityRoutes, authPublicRoutes, authSessionRoutes } from './routes/auth-routes.ts';
import { jwksRoutes } from '../infra/http/jwks-routes.ts';
import { stripeWebhookRoutes } from './routes/stripe-webhook-routes.ts';
import { carrierWebhookRoutes } from './routes/carrier-webhook-routes.ts';
import type { WriteApiDeps } from './write-api-deps.ts';

/**
 * The command API. Public: the OpenAPI document, its docs page, Stripe's signed webhook. Everything
 * else needs a bearer token and an Idempotency-Key on every POST, and answers errors as problem+json.
 */
export function createWriteApi(deps: WriteApiDeps) {
  const app = createApiApp({
    onError: errorHandler({ log: deps.log }),
    ...(deps.guards ? { guards: deps.guards } : {}),
    title: 'Quartermaster command API',
    description:
      'Every write appends events. Answers carry the stream revision (ETag; send it back as If-Match on edits) and a consistency token (`position`, also the QM-Position header) for the read API.',
  });
  app.route('/', stripeWebhookRoutes(deps));
  app.route('/', carrierWebhookRoutes(deps));
  // Anonymous account routes (sign-up, reset, accepting an invitation) answer before `authenticate`.
  const accounts = deps.accounts ? { ...deps, accounts: deps.accounts } : null;
  if (accounts) {
    app.route('/', customerPublicRoutes(accounts));
    app.route('/', passwordResetRoutes(accounts));
    app.route('/', staffPublicRoutes(accounts));
  }
  // Guest carts answer before `authenticate`: their secret is their credential.
  const carts = cartRoutes(deps);
  app.route('/', carts.publicApp);
  app.route('/', cartRestoreRoutes(deps));
  if (deps.signingKeys) app.route('/', jwksRoutes(deps.signingKeys));
  // Login and refresh before the token and Idempotency-Key checks: they are how a token is had.
  const auth = deps.auth;
  if (auth) {
    app.route('/', authPublicRoutes({ ...deps, auth }));
    app.route('/', authSessionRoutes({ ...deps, auth }));
  }

  const api = new OpenAPIHono<AuthEnv>({ defaultHook });
  api.use('*', authenticate(deps.verifier));
  // Per account once the token is verified: an unverified subject would let anyone spend another's budget.
  const limits = deps.guards?.rateLimits;
  if (limits)
    api.use(
      '*',
      limits.middleware<AuthEnv>('write', (c) => ({ account: c.var.actor.id })),
    );
  api.use('*', idempotency({ store: deps.idempotencyStore }));
  api.route('/', catalogRoutes(deps));
  // Without the composition root's registry (tests of other features), imports are tracked here alone.
  api.route('/', importRoutes(deps, deps.imports ?? memoryImportJobs()));
  api.route('/', locationRoutes(deps));
  api.route('/', inventoryRoutes(deps));
  api.route('/', orderRoutes(deps));
  api.route('/', paymentRoutes(deps));
  api.route('/', replenishmentRoutes(deps));
  api.route('/', roleRoutes(deps));
  api.route('/', reportRoutes(deps));
  api.route('/', returnRoutes(deps));
  api.route('/', exchangeRoutes(deps));
  api.route('/', claimRoutes(deps));
  api.route('/', pricingRoutes(deps));
  api.route('/', carts.customerApp);
  api.route('/', wishlistRoutes(deps));
  api.route('/', promotionRoutes(deps));
  api.route('/', priceChangeRoutes(deps));
  api.route('/', priceListRoutes(deps));
  if (deps.privacy) api.route('/', privacyRoutes({ ...deps, privacy: deps.privacy }));
  if (accounts) {
    api.route('/', customerRoutes(accounts));
    api.route('/', staffAccountRoutes(accounts));
  }
  if (auth) api.route('/', accountSecurityRoutes({ ...deps, auth }));
  app.route('/', api);
  return app;
}
