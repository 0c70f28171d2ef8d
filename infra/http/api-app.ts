import { OpenAPIHono } from '@hono/zod-openapi';
import type { Env, ErrorHandler } from 'hono';
import { mountApiDocs } from './api-docs.ts';
import { defaultHook } from './default-hook.ts';
import { applyHttpGuards, type HttpGuards } from './http-guards.ts';
import { rejectUnstorableInput } from './reject-unstorable-input.ts';
import { routeNotFound } from './route-not-found.ts';

export interface ApiAppOptions {
  /** Each API answers its errors as problem+json its own way (the command API translates domain errors). */
  onError: ErrorHandler;
  title: string;
  description: string;
  /**
   * Security headers, CORS, block list, per-address rate limits, body limit and handler timeout
   * (`http-guards.ts`). The composition root always passes them; tests and benchmarks that build an
   * API alone may leave them out.
   */
  guards?: HttpGuards;
}

/**
 * What both APIs are before their routes: an OpenAPI app whose validation failures, unknown routes
 * and thrown errors answer as problem+json; the guard that keeps text PostgreSQL cannot store away
 * from every handler (so it runs before every route, the webhook included); the bearer scheme; and
 * the OpenAPI document with its docs page, which come first and so answer without a token.
 */
export function createApiApp<E extends Env>(options: ApiAppOptions): OpenAPIHono<E> {
  const app = new OpenAPIHono<E>({ defaultHook });
  app.onError(options.onError);
  app.notFound(routeNotFound(app));
  if (options.guards) applyHttpGuards(app, options.guards);
  app.use('*', rejectUnstorableInput());
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'A JWT whose `sub` is the actor and `role` is customer, staff or admin (`qm token` mints one).',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: options.title, version: '0.1.0', description: options.description },
  });
  mountApiDocs(app, '/openapi.json');
  return app;
}
