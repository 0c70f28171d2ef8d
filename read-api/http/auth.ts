import { createMiddleware } from 'hono/factory';
import { HttpProblem } from '../../infra/http/problem.ts';

/**
 * Authentication on the read side. Token verification is the write side's (`verifierFromConfig`,
 * jose): the composition root passes the same verifier in, so both APIs accept the same tokens.
 * These few lines of middleware mirror write-api/auth, which the layer rule keeps out of reach.
 */
export type ReadRole = 'customer' | 'staff' | 'admin';

export interface ReadActor {
  id: string;
  role: ReadRole;
}

/** Turns a bearer token into the actor it vouches for, or throws a 401 (or 503) problem. */
export type TokenVerifier = (token: string) => Promise<ReadActor>;

/** Hono environment of routes behind `authenticate`. */
export interface ReadAuthEnv {
  Variables: { actor: ReadActor };
}

const unauthenticated = (detail: string, challenge = 'Bearer') =>
  new HttpProblem({
    status: 401,
    code: 'unauthenticated',
    title: 'Authentication required',
    detail,
    extensions: { reason: challenge === 'Bearer' ? 'missing' : 'invalid' },
    headers: { 'WWW-Authenticate': challenge },
  });

/** Admits only requests with a valid `Authorization: Bearer <token>`; sets `c.var.actor`. */
export function authenticate(verify: TokenVerifier) {
  return createMiddleware<ReadAuthEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) throw unauthenticated('This request needs an Authorization: Bearer token.');
    const match = /^Bearer +(\S+)\s*$/i.exec(header);
    if (!match) {
      throw unauthenticated(
        'The Authorization header must be "Bearer <token>".',
        'Bearer error="invalid_token", error_description="The token is invalid"',
      );
    }
    c.set('actor', await verify(match[1]!));
    await next();
  });
}

/** After `authenticate`: admits only the given roles, anyone else gets 403. */
export function requireRole(...allowed: [ReadRole, ...ReadRole[]]) {
  return createMiddleware<ReadAuthEnv>(async (c, next) => {
    const role = c.var.actor.role;
    if (!allowed.includes(role)) {
      throw new HttpProblem({
        status: 403,
        code: 'forbidden',
        title: 'Forbidden',
        detail: `This needs the role ${allowed.join(' or ')}; the token's role is ${role}.`,
      });
    }
    await next();
  });
}

/** 404 for a missing resource and for a customer asking for someone else's (ids cannot be probed). */
export function notFound(what: string): HttpProblem {
  return new HttpProblem({ status: 404, code: 'not_found', title: 'Not found', detail: `No such ${what}.` });
}

/** Lets the owner and staff/admin read a resource; another customer is told it does not exist. */
export function assertOwnerOrStaff(actor: ReadActor, ownerId: string | undefined, what: string): void {
  if (ownerId === undefined) throw notFound(what);
  if (actor.role === 'staff' || actor.role === 'admin' || actor.id === ownerId) return;
  throw notFound(what);
}
