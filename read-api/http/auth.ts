/**
 * Authentication on the read side: the same middleware as the write side (infra/auth), mounted with
 * the verifier the composition root passes in, so both APIs accept the same tokens. Only the
 * read-side ownership rule lives here.
 */
import type { Actor, AuthEnv } from '../../infra/auth/actor.ts';
import { hasPermission } from '../../infra/auth/grants.ts';
import { HttpProblem } from '../../infra/http/problem.ts';

export { authenticate } from '../../infra/auth/authenticate.ts';
export { permissionGuard } from '../../infra/auth/require-permission.ts';
export type { TokenVerifier } from '../../infra/auth/actor.ts';

/** Hono environment of routes behind `authenticate`. */
export type ReadAuthEnv = AuthEnv;

/** 404 for a missing resource and for a customer asking for someone else's (ids cannot be probed). */
export function notFound(what: string): HttpProblem {
  return new HttpProblem({ status: 404, code: 'not_found', title: 'Not found', detail: `No such ${what}.` });
}

/** Lets the owner and holders of `orders:act-for-others` read an order; others are told it does not exist. */
export function assertOwnerOrStaff(actor: Actor, ownerId: string | undefined, what: string): void {
  if (ownerId === undefined) throw notFound(what);
  if (actor.id === ownerId || hasPermission(actor, 'orders:act-for-others')) return;
  throw notFound(what);
}
