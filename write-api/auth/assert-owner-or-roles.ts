import { HttpProblem } from '../../infra/http/problem.ts';
import type { Actor, Role } from '../../infra/auth/actor.ts';
import { Forbidden } from '../../infra/auth/auth-errors.ts';

/**
 * Lets `actor` act on a resource owned by `ownerId` when it is the owner or holds one of `roles`
 * (`assertOwnerOrRoles(actor, order.customerId, ['staff', 'admin'])`).
 *
 * A customer who is not the owner gets 404, exactly what a missing resource answers, so customers
 * cannot probe which ids exist. Other roles are trusted to know ids exist and get 403. A resource
 * with no owner (`null`/`undefined`: not found) answers 404 to anyone who is not in `roles`.
 */
export function assertOwnerOrRoles(
  actor: Actor,
  ownerId: string | null | undefined,
  roles: readonly Role[],
): void {
  if (roles.includes(actor.role)) return;
  if (ownerId !== null && ownerId !== undefined && actor.id === ownerId) return;
  if (actor.role === 'customer' || ownerId === null || ownerId === undefined) {
    throw new HttpProblem({
      status: 404,
      code: 'not_found',
      title: 'Not found',
      detail: 'No such resource.',
    });
  }
  throw new Forbidden(`This resource belongs to someone else; it needs the role ${roles.join(' or ')}.`);
}
