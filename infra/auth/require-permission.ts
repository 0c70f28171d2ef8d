import { createMiddleware } from 'hono/factory';
import type { AuthEnv } from './actor.ts';
import { Forbidden, Unauthenticated } from './auth-errors.ts';
import { hasPermission, type Permission } from './grants.ts';

/**
 * Middleware, after `authenticate`, that admits only callers holding `permission`; anyone else gets
 * a 403 problem naming it. Ownership (a customer's own orders) is checked in the handler once the
 * resource's owner is known.
 */
export function requirePermission(permission: Permission) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    // Undefined only when `authenticate` was not mounted before: refuse rather than let it through.
    const actor = c.var.actor as AuthEnv['Variables']['actor'] | undefined;
    if (!actor) throw new Unauthenticated('missing', 'This request needs an Authorization: Bearer token.');
    if (!hasPermission(actor, permission)) {
      throw new Forbidden(`This needs the permission ${permission}, which the token's roles do not grant.`);
    }
    await next();
  });
}

/**
 * The parts of a route definition that protect it: the bearer scheme, the middleware, and the
 * permission as `x-permission` in the OpenAPI document, which is where the authorization matrix
 * tests read it from. `before` runs first (authentication, where the app does not mount it).
 */
export function permissionGuard<const Before extends readonly unknown[] = []>(
  permission: Permission,
  ...before: Before
) {
  return {
    security: [{ bearerAuth: [] as string[] }],
    middleware: [...before, requirePermission(permission)] as [
      ...Before,
      ReturnType<typeof requirePermission>,
    ],
    'x-permission': permission,
  };
}
