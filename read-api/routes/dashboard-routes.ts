import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { HttpProblem } from '../../infra/http/problem.ts';

export interface DashboardRoutesDeps {
  /** The built app (`npm run dashboard:build` → `dashboard/dist`); found beside the sources by default. */
  dir?: string;
  /** The command API's port: the app joins it to the host the browser used. */
  commandApiPort?: number;
}

/** Where the build lands: beside the sources when run with tsx, and from the working directory otherwise. */
function defaultDir(): string {
  const besideSources = fileURLToPath(new URL('../../dashboard/dist', import.meta.url));
  return existsSync(besideSources) ? besideSources : join(process.cwd(), 'dashboard', 'dist');
}

/**
 * The admin dashboard's static files under `/dashboard` (docs/dashboard.md). Public, like the docs
 * page: the app holds no data, and every call it makes carries the user's token and is checked by
 * its route. Not in the OpenAPI document (it is not an API). Hashed assets are cached for a year;
 * `index.html` (every app path, for the client-side router) is revalidated, so a new build shows at
 * the next load.
 */
export function dashboardRoutes(deps: DashboardRoutesDeps = {}) {
  const dir = deps.dir ?? defaultDir();
  const app = new Hono();
  const notBuilt = () =>
    new HttpProblem({
      status: 404,
      code: 'dashboard_not_built',
      title: 'Dashboard not built',
      detail:
        'The dashboard has no build here: run `npm run dashboard:build` (`npm start` does it by itself).',
    });

  app.get('/dashboard/config.json', (c) =>
    c.json({ ...(deps.commandApiPort !== undefined ? { commandApiPort: deps.commandApiPort } : {}) }, 200, {
      'Cache-Control': 'no-cache',
    }),
  );
  app.get(
    '/dashboard/assets/*',
    serveStatic({
      root: dir,
      rewriteRequestPath: (path) => path.slice('/dashboard'.length),
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  app.get('/dashboard/assets/*', () => {
    throw new HttpProblem({ status: 404, code: 'not_found', title: 'Not found', detail: 'No such asset.' });
  });
  app.get('/dashboard', (c) => c.redirect('/dashboard/', 301));
  app.get('/dashboard/*', (c) => {
    const index = join(dir, 'index.html');
    if (!existsSync(index)) throw notBuilt();
    return c.html(readFileSync(index, 'utf8'), 200, { 'Cache-Control': 'no-cache' });
  });
  return app;
}
