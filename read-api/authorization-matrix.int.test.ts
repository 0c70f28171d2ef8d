import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../infra/auth/actor.ts';
import { allPermissions, builtInGrants, withGrants, type Permission } from '../infra/auth/grants.ts';
import { createJwtVerifier } from '../infra/auth/jwt-verifier.ts';
import { mintToken } from '../infra/auth/mint-token.ts';
import { openSigningKeys } from '../infra/auth/signing-keys.ts';
import { eventSourcedRoleCatalog } from '../infra/auth/role-catalog.ts';
import { createMemoryCacheStore } from '../infra/cache/memory-cache-store.ts';
import { createLogger } from '../infra/logging/logger.ts';
import { createMetricsRegistry } from '../infra/metrics/registry.ts';
import { openReadSide, type ReadSide } from '../ops/compose/read-side.ts';
import { commandHarness, type CommandHarness } from '../test-support/command-harness.ts';
import { tempAnalytics, type TempAnalytics } from '../test-support/temp-analytics.ts';

/**
 * The read API's authorization matrix, generated from the permission table: every route of the
 * OpenAPI document either is public (declares no security) or names its permission in
 * `x-permission`; for each protected route, a request without a token answers 401, a built-in role
 * or custom role without the permission 403, and one holding it gets past authorization (any answer
 * but 401 or 403: the dummy ids may well be 404). A route added without a permission fails here.
 */
const SECRET = 'read-matrix-secret-at-least-32-characters-long';
/** Public storefront routes and the login's public keys: the only ones that take no token. */
const PUBLIC = [
  'GET /.well-known/jwks.json',
  'GET /products',
  'GET /search',
  'GET /products/{productId}',
  'GET /promotions/active',
  'GET /returns/policy',
  'GET /openapi.json',
  'GET /docs',
  'GET /guest-carts/{cartId}',
];

let h: CommandHarness;
let side: ReadSide;
let analytics: TempAnalytics;
let routes: { method: string; path: string; permission: Permission | null }[];

beforeAll(async () => {
  h = await commandHarness('pglite');
  analytics = await tempAnalytics();
  side = await openReadSide({
    config: { QM_READ_WAIT_MS: 100, QM_CACHE_TTL_SECONDS: 60 },
    database: h.sql,
    store: h.store,
    log: createLogger('silent'),
    metrics: createMetricsRegistry(),
    verifier: withGrants(
      createJwtVerifier({ secret: SECRET }),
      eventSourcedRoleCatalog(h.store, { ttlMs: 0 }),
    ),
    cacheStore: createMemoryCacheStore(),
    analytics: analytics.analytics,
    // As `qm serve` mounts `/admin/health`; what the checks find does not matter here.
    backends: () => [
      { name: 'readModels', kind: 'pglite', check: async () => void (await h.sql.query('select 1')) },
    ],
    // As a server with login mounts them: the JWKS route is part of the API the matrix covers.
    signingKeys: openSigningKeys({ sql: h.sql, overlapMs: 3_600_000 }),
  });
  const admin = h.context({ id: 'setup-admin', role: 'admin' });
  for (const permission of allPermissions) {
    await h.handlers.defineRole(
      { name: `only-${permission}`, description: '', permissions: [permission] },
      admin,
    );
    const rest = allPermissions.filter((other) => other !== permission);
    await h.handlers.defineRole({ name: `all-but-${permission}`, description: '', permissions: rest }, admin);
  }
  const doc = (await (await side.api.request('/openapi.json')).json()) as {
    paths: Record<string, Record<string, { security?: unknown[]; 'x-permission'?: Permission }>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      permission: operation['x-permission'] ?? null,
    })),
  );
}, 180_000);

afterAll(async () => {
  await side?.close();
  await analytics?.dispose();
  await h?.dispose();
});

const request = async (
  route: { method: string; path: string },
  as: { role: Role; roles?: string[] } | null,
) => {
  const url = route.path.replace(/\{(\w+)\}/g, (_, name: string) => `matrix-${name}`);
  const token = as && (await mintToken({ secret: SECRET, subject: 'matrix-user', ...as }));
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (route.method === 'GET') return side.api.request(url, { headers });
  return side.api.request(url, {
    method: route.method,
    headers: { ...headers, 'content-type': 'application/json' },
    body: '{}',
  });
};

describe('read API authorization matrix', () => {
  it('every route is public or names a permission, and only the storefront is public', () => {
    expect(routes.length).toBeGreaterThan(10);
    const unprotected = routes
      .filter((route) => route.permission === null)
      .map((r) => `${r.method} ${r.path}`);
    expect(unprotected.sort()).toEqual(PUBLIC.filter((route) => unprotected.includes(route)).sort());
    expect(unprotected).toContain('GET /.well-known/jwks.json');
  });

  it('answers 401 without a token, 403 to every role lacking the permission, and lets holders through', async () => {
    for (const route of routes) {
      const { permission, path } = route;
      if (permission === null) continue;
      const where = `${route.method} ${path}`;
      expect((await request(route, null)).status, where).toBe(401);
      for (const role of roles) {
        const status = (await request(route, { role })).status;
        if (builtInGrants[role].has(permission))
          expect([401, 403], `${where} as ${role}`).not.toContain(status);
        else expect(status, `${where} as ${role}`).toBe(403);
      }
      const holder = (await request(route, { role: 'staff', roles: [`only-${permission}`] })).status;
      expect([401, 403], `${where} as only-${permission}`).not.toContain(holder);
      const stranger = (await request(route, { role: 'staff', roles: [`all-but-${permission}`] })).status;
      expect(stranger, `${where} as all-but-${permission}`).toBe(403);
    }
  });

  it('reproduces who could read each route when routes checked role names', () => {
    const before: Record<string, Role[]> = {
      'GET /orders/{orderId}': ['customer', 'staff', 'admin'],
      'GET /me/orders': ['customer', 'staff', 'admin'],
      'GET /staff/low-stock': ['staff', 'admin'],
      'GET /staff/audit': ['staff', 'admin'],
      'GET /staff/sku-conflicts': ['staff', 'admin'],
      'GET /staff/replenishment/suggestions': ['staff', 'admin'],
      'GET /staff/replenishment/reorder-points': ['staff', 'admin'],
      'GET /admin/projections': ['admin'],
      'GET /admin/notifications/deliveries': ['admin'],
      'GET /admin/notifications/outbox': ['admin'],
      'GET /admin/streams/{stream}/events': ['admin'],
      'GET /admin/streams/{stream}/at': ['admin'],
      'GET /admin/analytics/reports': ['admin'],
      'GET /admin/analytics/reports/{name}': ['admin'],
      'POST /admin/analytics/query': ['admin'],
    };
    for (const route of routes) {
      if (route.permission === null) continue;
      const where = `${route.method} ${route.path}`;
      if (!(where in before)) continue; // routes added since
      expect(
        roles.filter((role) => builtInGrants[role].has(route.permission!)),
        where,
      ).toEqual(before[where]);
    }
    expect(routes.filter((r) => `${r.method} ${r.path}` in before)).toHaveLength(Object.keys(before).length);
  });
});
