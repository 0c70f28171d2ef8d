import { Hono, type Context, type Env, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { ipRestriction } from 'hono/ip-restriction';
import { secureHeaders } from 'hono/secure-headers';
import { timeout } from 'hono/timeout';
import { addAnswerHeaders, applyAnswerHeaders } from './answer-headers.ts';
import { HttpProblem, problemResponse } from './problem.ts';
import type { RateLimits } from './rate-limit.ts';

/** What guards every route of an API before its handler runs; built from configuration by the composition root. */
export interface HttpGuards {
  /** The address a request counts against and is blocked by (`clientIpResolver`). */
  clientIp: (c: Context) => string;
  /** Per-address budgets on every route (`read` for GET/HEAD/OPTIONS, `write` otherwise); none: unlimited. */
  rateLimits?: RateLimits;
  /** Addresses and CIDR ranges answered 403. */
  ipBlockList: readonly string[];
  /** The largest body a route reads (413 beyond it). */
  bodyLimitBytes: number;
  /** Path prefixes whose routes take uploads (CSV imports), with their own larger limit. */
  uploadLimits: readonly { pathPrefix: string; bytes: number }[];
  /** Origins allowed to call with credentials from a browser; empty: no CORS headers at all. */
  corsOrigins: readonly string[];
  /** How long a handler may take before the request is answered 503. */
  requestTimeoutMs: number;
}

/** Methods that never carry a body a route reads, and count against the read budget. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The headers a browser script may read from an answer beside the CORS-safelisted ones. */
const EXPOSED_HEADERS = [
  'ETag',
  'Location',
  'QM-Position',
  'X-Stale',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
];

/**
 * Installs the guards on `app`, outermost first: security headers (every answer carries them,
 * refusals included: they are answer headers, `answer-headers.ts`, which this outermost guard sets
 * for the guards inside it), CORS, the block list (403), the per-address rate limit (429), the body limit
 * (413) and the handler timeout (503). Each refusal is problem+json. Call before the routes.
 */
export function applyHttpGuards<E extends Env>(app: Hono<E>, guards: HttpGuards): void {
  app.use('*', securityHeaders());
  if (guards.corsOrigins.length > 0) app.use('*', browserCors(guards.corsOrigins));
  if (guards.ipBlockList.length > 0) {
    app.use('*', ipRestriction(guards.clientIp, { denyList: [...guards.ipBlockList] }, blocked));
  }
  const limits = guards.rateLimits;
  if (limits) {
    const reads = limits.middleware('read', (c) => ({ ip: guards.clientIp(c) }));
    const writes = limits.middleware('write', (c) => ({ ip: guards.clientIp(c) }));
    const byMethod: MiddlewareHandler = (c, next) => {
      const chosen: MiddlewareHandler = SAFE_METHODS.has(c.req.method) ? reads : writes;
      return chosen(c, next);
    };
    app.use('*', byMethod);
  }
  app.use('*', bodyLimits(guards));
  app.use('*', timeout(guards.requestTimeoutMs, timedOut(guards.requestTimeoutMs)));
}

/**
 * Hono's CORS for requests from a browser (they carry `Origin`). Hono's middleware also sets its
 * headers on answers to callers that sent none (storefront servers, scripts), one by one on the
 * finished answer, which turns the cached reads' plain header object into a full `Headers` and
 * cost the rate-limited cached product detail most of its requests per second. Those callers need
 * no CORS headers, only `Vary: Origin` (the answer differs for a browser), which goes with the
 * answer headers.
 */
function browserCors(origins: readonly string[]): MiddlewareHandler {
  const forBrowsers = cors({
    origin: [...origins],
    credentials: true,
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'X-Consistency-Token'],
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
  const vary = { Vary: 'Origin' };
  // No await here: the security headers guard, outside this one, sets the answer headers.
  return (c, next) => {
    if (c.req.header('origin') !== undefined) return forBrowsers(c, next);
    addAnswerHeaders(c, vary);
    return next();
  };
}

/**
 * Hono's secure headers with its defaults, taken once from its own middleware and then added to
 * each request's answer headers: its middleware sets them one by one on the finished answer, which
 * costs the cached reads a full `Headers` per request. No CSP: the answers are JSON, and the docs
 * page loads Swagger UI's scripts and styles.
 */
function securityHeaders(): MiddlewareHandler {
  let headers: Record<string, string> | undefined;
  return async (c, next) => {
    if (!headers) {
      const probe = new Hono().use(secureHeaders()).get('/', (p) => p.body(null, 204));
      headers = Object.fromEntries((await probe.request('/')).headers);
    }
    addAnswerHeaders(c, headers);
    await next();
    applyAnswerHeaders(c);
  };
}

/**
 * The body limit of the route's path. A body of declared length (`Content-Length`, no
 * `Transfer-Encoding`) is judged on that header alone: Node's HTTP parser never passes on more
 * bytes than it declares. Only a chunked body goes through Hono's `bodyLimit`, which stops reading
 * it at the first byte beyond the limit. Hono's middleware judges a declared length the same way,
 * but asks for the body stream first, which builds the whole WHATWG request object and takes the
 * body off the Node adapter's direct read: 6% of the API process's CPU in the checkout bench.
 * Skipped for safe methods: none of their routes reads a body.
 */
function bodyLimits(guards: HttpGuards): MiddlewareHandler {
  const limited = (bytes: number) => ({
    bytes,
    chunked: bodyLimit({ maxSize: bytes, onError: tooLarge(bytes) }),
  });
  const general = limited(guards.bodyLimitBytes);
  const uploads = guards.uploadLimits.map((upload) => ({
    pathPrefix: upload.pathPrefix,
    ...limited(upload.bytes),
  }));
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const limit = uploads.find((u) => c.req.path.startsWith(u.pathPrefix)) ?? general;
    if (c.req.header('transfer-encoding') !== undefined) return limit.chunked(c, next);
    const declared = c.req.header('content-length');
    // Neither header: the request has no body at all (RFC 9112, section 6.3), as a POST that only
    // names its target (`/carts/{id}/checkout/start`) has none. Hono's middleware would build two
    // WHATWG request objects to find that out.
    if (declared === undefined) return next();
    return Number(declared) > limit.bytes ? tooLarge(limit.bytes)(c) : next();
  };
}

function tooLarge(bytes: number) {
  return (c: Context) =>
    problemResponse(
      new HttpProblem({
        status: 413,
        code: 'payload_too_large',
        title: 'Payload too large',
        detail: `The request body exceeds this route's limit of ${bytes} bytes.`,
        extensions: { limitBytes: bytes },
        headers: { Connection: 'close' },
      }),
      c.req.path,
    );
}

function blocked(_remote: { addr: string }, c: Context) {
  return problemResponse(
    new HttpProblem({
      status: 403,
      code: 'address_blocked',
      title: 'Address blocked',
      detail: 'Requests from this address are refused by the block list.',
    }),
    c.req.path,
  );
}

/**
 * Hono's timeout throws an HTTPException; it carries the problem as its cause, which the APIs'
 * error handlers answer with (`problemErrorHandler`). The handler itself runs on: JavaScript cannot
 * stop it, and a write it completes is found again by the Idempotency-Key of a retry.
 */
function timedOut(ms: number) {
  return () =>
    new HTTPException(503, {
      message: 'request timed out',
      cause: new HttpProblem({
        status: 503,
        code: 'request_timeout',
        title: 'Request timed out',
        detail: `The server did not finish the request within ${ms} ms; retry it (with the same Idempotency-Key for a write).`,
        headers: { 'Retry-After': '1' },
      }),
    });
}
