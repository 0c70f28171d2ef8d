import { createMiddleware } from 'hono/factory';
import type { AuthEnv, Role } from './actor.ts';
import { Forbidden, Unauthenticated } from './auth-errors.ts';

/**
 * Middleware, after `authenticate`, that admits only the given roles; anyone else gets a 403
 * problem. Ownership (a customer's own orders) is checked in the handler with `assertOwnerOrRoles`,
 * once the resource's owner is known.
 */
export function requireRole(...allowed: [Role, ...Role[]]) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    // Undefined only when `authenticate` was not mounted before: refuse rather than let it through.
    const actor = c.var.actor as AuthEnv['Variables']['actor'] | undefined;
    if (!actor) throw new Unauthenticated('missing', 'This request needs an Authorization: Bearer token.');
    if (!allowed.includes(actor.role)) {
      throw new Forbidden(`This needs the role ${allowed.join(' or ')}; the token's role is ${actor.role}.`);
    }
    await next();
  });
}
