import { HttpProblem } from '../http/problem.ts';
import type { Actor } from './actor.ts';
import { hasPermission, type Permission } from './grants.ts';

/**
 * Lets `actor` act on a resource owned by `ownerId` when it is the owner or holds `permission`
 * (`assertOwnerOr(actor, order.customerId, 'orders:act-for-others')`).
 *
 * Anyone else gets 404, exactly what a missing resource answers, so callers cannot probe which ids
 * exist; a resource with no owner (`null`/`undefined`: not found) answers 404 to them too.
 */
export function assertOwnerOr(
  actor: Actor,
  ownerId: string | null | undefined,
  permission: Permission,
): void {
  if (hasPermission(actor, permission)) return;
  if (ownerId !== null && ownerId !== undefined && actor.id === ownerId) return;
  throw new HttpProblem({ status: 404, code: 'not_found', title: 'Not found', detail: 'No such resource.' });
}
