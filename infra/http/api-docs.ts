import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { swaggerUI } from '@hono/swagger-ui';
import type { Env, Hono } from 'hono';

/** Where the docs page loads Swagger UI from: this server, so `/docs` works offline. */
const ASSETS_PATH = '/docs/assets';

/** The files the page needs, with their media types; nothing else of the package is served. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const packageDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const loaded = new Map<string, Promise<Buffer>>();

/**
 * Mounts `/docs` (Swagger UI over `openApiPath`) and the assets it loads, served from the pinned
 * `swagger-ui-dist` package rather than a CDN: the page works without internet access and always
 * matches the installed version. `@hono/swagger-ui` builds asset URLs as
 * `<baseUrl>/swagger-ui-dist/<file>`, so `baseUrl` points it here.
 */
export function mountApiDocs<E extends Env>(app: Hono<E>, openApiPath: string): void {
  app.get('/docs', swaggerUI({ url: openApiPath, baseUrl: ASSETS_PATH }));
  app.get(`${ASSETS_PATH}/swagger-ui-dist/:file`, async (c) => {
    const file = c.req.param('file');
    const type = ASSETS[file];
    if (!type) return c.notFound();
    let body = loaded.get(file);
    if (!body) {
      body = readFile(join(packageDir, file));
      loaded.set(file, body);
      body.catch(() => loaded.delete(file)); // a failed read is not remembered
    }
    return c.body(new Uint8Array(await body), 200, {
      'Content-Type': type,
      // The package version is pinned; a new version comes with a restart.
      'Cache-Control': 'public, max-age=86400',
    });
  });
}
