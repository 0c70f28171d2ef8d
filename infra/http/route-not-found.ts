import type { NotFoundHandler } from 'hono';
import { HttpProblem, problemResponse } from './problem.ts';

/** The part of a Hono app this reads: its routes, as `app.routes` lists them. */
export interface RoutedApp {
  routes: readonly { method: string; path: string }[];
}

/**
 * `app.notFound(routeNotFound(app))`: what a request that no route answered gets, as problem+json.
 * A path that exists under other methods is a 405 with `Allow` listing them (RFC 9110 requires
 * it); anything else is a 404 naming the method and path. The routes are read at request time,
 * so sub-apps mounted after this call (`app.route('/', api)`) count too.
 *
 * Set it on the app whose `fetch` the server calls: Hono answers an unmatched request with that
 * app's handler, never with a mounted sub-app's.
 */
export function routeNotFound(app: RoutedApp): NotFoundHandler {
  return (c) => {
    const allowed = allowedMethods(app, c.req.path);
    // A route that took the method and then found nothing (an unknown file, an unknown id) is a 404.
    if (allowed.length > 0 && !allowed.includes(c.req.method)) {
      return problemResponse(
        new HttpProblem({
          status: 405,
          code: 'method_not_allowed',
          title: 'Method not allowed',
          detail: `${c.req.path} answers ${allowed.join(', ')}, not ${c.req.method}.`,
          extensions: { allowed },
          headers: { Allow: allowed.join(', ') },
        }),
        c.req.path,
      );
    }
    return problemResponse(
      new HttpProblem({
        status: 404,
        code: 'route_not_found',
        title: 'Not found',
        detail: `Nothing answers ${c.req.method} ${c.req.path}.`,
      }),
      c.req.path,
    );
  };
}

/** The methods some endpoint (not a middleware, which Hono lists as `ALL`) answers on `path`. */
function allowedMethods(app: RoutedApp, path: string): string[] {
  const methods = new Set<string>();
  for (const route of app.routes) {
    if (route.method === 'ALL' || !patternOf(route.path).test(path)) continue;
    methods.add(route.method);
    // Hono answers HEAD with the GET handler.
    if (route.method === 'GET') methods.add('HEAD');
  }
  return [...methods].sort();
}

const patterns = new Map<string, RegExp>();

/** Hono's route syntax (`/orders/:orderId`, `:id{[0-9]+}`, `*`) as an anchored regular expression. */
function patternOf(routePath: string): RegExp {
  let pattern = patterns.get(routePath);
  if (!pattern) {
    const source = routePath
      .split('/')
      .map((segment) => {
        if (segment === '*') return '.*';
        const param = /^:\w+(?:\{(.+)\})?(\?)?$/.exec(segment);
        if (param) return `(?:${param[1] ?? '[^/]+'})${param[2] ?? ''}`;
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    pattern = new RegExp(`^${source}/?$`);
    patterns.set(routePath, pattern);
  }
  return pattern;
}
