import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { addAnswerHeaders, answerHeaderForLog, applyAnswerHeaders } from './answer-headers.ts';
import type { Logger } from '../logging/logger.ts';
import type { HttpMetrics } from '../metrics/http-metrics.ts';
import { activeTraceId } from '../telemetry/trace-context.ts';

export interface ObserveRequestsOptions {
  /** RED metrics of this API; left out, nothing is counted. */
  metrics?: HttpMetrics;
  /** Where the one line per request goes (level info); left out or above info, nothing is logged. */
  log?: Logger;
}

/** What a caller's `X-Request-Id` may be; anything else is replaced by one of ours. */
const REQUEST_ID = /^[\w.:-]{1,100}$/;

/**
 * Request ids of this process: a random prefix per process and a counter, so an id costs one
 * small string instead of a UUID's random bytes on every request, and ids of several processes
 * behind one balancer never collide.
 */
const processPrefix = randomBytes(6).toString('base64url');
let counter = 0;
function newRequestId(): string {
  counter = (counter + 1) % Number.MAX_SAFE_INTEGER;
  return `${processPrefix}-${counter.toString(36)}`;
}

/** The matched route's template; a path no route matched counts under one label, not its own. */
function routeOf(c: Parameters<MiddlewareHandler>[0]): string {
  const route = routePath(c);
  return route.endsWith('*') ? 'unmatched' : route;
}

/**
 * The first middleware of each API's server (`ops/server/system-app.ts`): a request id (the
 * caller's `X-Request-Id` when well-formed, else a new one, echoed back), the RED metrics per route
 * template and status, and one log line per request with method, route, status, duration, request
 * id, correlation id and trace id. No bodies, no headers beyond those: a line costs one small
 * object, and nothing at all when the level is above info.
 */
export function observeRequests(options: ObserveRequestsOptions): MiddlewareHandler {
  const { metrics } = options;
  const log = options.log?.isLevelEnabled('info') ? options.log : undefined;
  return async (c, next) => {
    const start = performance.now();
    const given = c.req.header('x-request-id');
    const requestId = given !== undefined && REQUEST_ID.test(given) ? given : newRequestId();
    let status = 500;
    addAnswerHeaders(c, { 'X-Request-Id': requestId });
    try {
      await next();
      status = c.res.status;
      // An error answer is a Response of its own, made without the answer headers.
      applyAnswerHeaders(c);
    } finally {
      const seconds = (performance.now() - start) / 1000;
      const route = routeOf(c);
      metrics?.observe(c.req.method, route, status, seconds);
      log?.info(
        {
          method: c.req.method,
          route,
          status,
          durationMs: Math.round(seconds * 1e6) / 1e3,
          requestId,
          correlationId: answerHeaderForLog(c, 'X-Correlation-Id'),
          traceId: activeTraceId(),
        },
        'request',
      );
    }
  };
}
