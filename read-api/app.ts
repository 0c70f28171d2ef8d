import { jwksRoutes } from '../infra/http/jwks-routes.ts';
import { createApiApp } from '../infra/http/api-app.ts';
import { readErrorHandler } from '../infra/http/error-handler.ts';
import { authenticate } from './http/auth.ts';
import type { ReadContext } from './http/read-context.ts';
import { createReadModels } from './http/read-models.ts';
import type { ReadApiDeps } from './read-api-deps.ts';
import { adminRoutes } from './routes/admin-routes.ts';
import { cartAnalyticsRoutes } from './routes/cart-analytics-routes.ts';
import { analyticsRoutes } from './routes/analytics-routes.ts';
import { catalogRoutes } from './routes/catalog-routes.ts';
import { customerReadRoutes } from './routes/customer-routes.ts';
import { cartReadRoutes } from './routes/cart-routes.ts';
import { dashboardRoutes } from './routes/dashboard-routes.ts';
import { liveRoutes } from './routes/live-routes.ts';
import { notificationRoutes } from './routes/notifications-routes.ts';
import { orderRoutes } from './routes/orders-routes.ts';
import { privacyReadRoutes } from './routes/privacy-routes.ts';
import { replenishmentReadRoutes } from './routes/replenishment-routes.ts';
import { promotionReadRoutes } from './routes/promotions-routes.ts';
import { priceListReadRoutes } from './routes/price-list-routes.ts';
import { priceChangeReadRoutes } from './routes/price-change-routes.ts';
import { reportReadRoutes } from './routes/report-routes.ts';
import { returnsReadRoutes } from './routes/returns-routes.ts';
import { staffRoutes } from './routes/staff-routes.ts';
import { streamRoutes } from './routes/streams-routes.ts';

/**
 * The storefront and back-office read API over the read models. Public: catalog listings, search,
 * product detail (cached, invalidated by the events the projectors apply), the OpenAPI document
 * and its docs page. Orders need a token (customers see their own); staff and admin views need
 * their role. Every answer may be asked to include a write (`X-Consistency-Token` / `?after=`).
 */
export function createReadApi(deps: ReadApiDeps) {
  const ctx: ReadContext = {
    ...deps,
    readModels: createReadModels(deps.db, deps.waitForProjections),
    authenticated: authenticate(deps.verifier),
  };
  const app = createApiApp({
    onError: readErrorHandler({ log: deps.log }),
    ...(deps.guards ? { guards: deps.guards } : {}),
    title: 'Quartermaster read API',
    description:
      'Reads from projections of the event log. Pass the consistency token a write returned (`X-Consistency-Token` header or `?after=`) to read your own write: the API waits up to a bounded time for the projection, and marks the answer `X-Stale: true` (with a `Warning`) when it could not.',
  });

  if (deps.signingKeys) app.route('/', jwksRoutes(deps.signingKeys));
  app.route('/', catalogRoutes(ctx));
  app.route('/', orderRoutes(ctx));
  app.route('/', staffRoutes(ctx));
  app.route('/', adminRoutes(ctx));
  // Other features' read routes: each authenticates per route with ctx.authenticated.
  app.route('/', replenishmentReadRoutes(ctx));
  app.route('/', notificationRoutes(ctx));
  app.route('/', customerReadRoutes(ctx));
  app.route('/', cartReadRoutes(ctx));
  app.route('/', cartAnalyticsRoutes(ctx));
  app.route('/', promotionReadRoutes(ctx));
  app.route('/', priceListReadRoutes(ctx));
  app.route('/', priceChangeReadRoutes(ctx));
  app.route('/', reportReadRoutes(ctx));
  app.route('/', returnsReadRoutes(ctx));
  if (deps.store) {
    app.route('/', streamRoutes({ store: deps.store, authenticated: ctx.authenticated }));
    app.route('/', privacyReadRoutes({ ...ctx, store: deps.store }));
    app.route(
      '/',
      liveRoutes({ ctx, store: deps.store, ...(deps.imports ? { imports: deps.imports } : {}) }),
    );
  }
  if (deps.analytics) {
    app.route('/', analyticsRoutes({ analytics: deps.analytics, authenticated: ctx.authenticated }));
  }
  app.route('/', dashboardRoutes(deps.dashboard));
  return app;
}
