import { OpenAPIHono } from '@hono/zod-openapi';
import { createCacheMetrics } from '../infra/cache/cache-metrics.ts';
import { createMemoryCacheStore } from '../infra/cache/memory-cache-store.ts';
import { createReadThroughCache } from '../infra/cache/read-through-cache.ts';
import { readErrorHandler } from '../infra/http/error-handler.ts';
import { routeNotFound } from '../infra/http/route-not-found.ts';
import type { Logger } from '../infra/logging/logger.ts';
import { createMetricsRegistry } from '../infra/metrics/registry.ts';
import type { SqlClient } from '../infra/sql/sql-client.ts';
import { authenticate, type ReadAuthEnv } from '../read-api/http/auth.ts';
import type { ReadContext } from '../read-api/http/read-context.ts';
import { createReadModels } from '../read-api/http/read-models.ts';
import { createJwtVerifier } from '../infra/auth/jwt-verifier.ts';
import { mintToken } from '../infra/auth/mint-token.ts';

type Role = 'customer' | 'staff' | 'admin';

/**
 * Some read routes mounted alone over `sql`, with the read API's error answers, an in-memory cache
 * and HS256 tokens signed with `secret`. `get(url, role)` calls them with a token of that role
 * (`null`: none) and returns the status and the parsed body.
 */
export function readRoutesApp(
  sql: SqlClient,
  routes: (ctx: ReadContext) => OpenAPIHono<ReadAuthEnv>,
  options: { secret: string; log: Logger; consistencyWaitMs: number },
) {
  const { secret, log } = options;
  const verifier = createJwtVerifier({ secret });
  const ctx: ReadContext = {
    db: sql,
    cache: createReadThroughCache({
      store: createMemoryCacheStore(),
      metrics: createCacheMetrics(createMetricsRegistry()),
      log,
      ttlMs: 60_000,
    }),
    verifier,
    log,
    consistencyWaitMs: options.consistencyWaitMs,
    projectionStatus: async () => ({}),
    readModels: createReadModels(sql),
    authenticated: authenticate(verifier),
  };
  const app = new OpenAPIHono();
  app.onError(readErrorHandler({ log }));
  app.notFound(routeNotFound(app));
  app.route('/', routes(ctx));
  const get = async (url: string, role: Role | null) => {
    const headers: Record<string, string> = role
      ? { authorization: `Bearer ${await mintToken({ secret, role, subject: `${role}-1` })}` }
      : {};
    const response = await app.request(url, { headers });
    return { status: response.status, body: (await response.json()) as { items: Record<string, unknown>[] } };
  };
  return { app, get };
}
