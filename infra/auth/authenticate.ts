import { createMiddleware } from 'hono/factory';
import type { AuthEnv, TokenVerifier } from './actor.ts';
import { Unauthenticated } from './auth-errors.ts';

/**
 * Middleware that admits only requests with a valid `Authorization: Bearer <token>` and sets
 * `c.var.actor` to the verified caller. Otherwise it throws `Unauthenticated` (401 problem with a
 * `WWW-Authenticate: Bearer` challenge, through the app's error handler). Both APIs mount it with
 * the same verifier (the composition root's), so they accept the same tokens.
 */
export function authenticate(verify: TokenVerifier) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) throw new Unauthenticated('missing', 'This request needs an Authorization: Bearer token.');
    const match = /^Bearer +(\S+)\s*$/i.exec(header);
    if (!match) {
      throw new Unauthenticated('invalid', 'The Authorization header must be "Bearer <token>".');
    }
    c.set('actor', await verify(match[1]!));
    await next();
  });
}
