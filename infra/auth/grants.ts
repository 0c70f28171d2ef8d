import {
  builtInGrants,
  isBuiltInRole,
  isPermission,
  type Permission,
} from '../../domain/access/permissions.ts';
import type { Actor, TokenVerifier } from './actor.ts';

export type { Permission } from '../../domain/access/permissions.ts';
export { allPermissions, builtInGrants, permissions } from '../../domain/access/permissions.ts';

/** A custom role's permissions as its `role-{name}` stream says now; null when absent or retired. */
export type RoleCatalog = (name: string) => Promise<readonly Permission[] | null>;

/**
 * What the actor may do. Tokens with a `roles` claim grant the union of those roles (built-in names
 * from the table, custom ones as resolved by `withGrants`); tokens without one grant their `role`'s
 * built-in set, which is how `qm token` and outside identity providers keep working unchanged.
 */
export function permissionsOf(actor: Actor): ReadonlySet<Permission> {
  if (actor.enrolOnly) return enrolOnly;
  if (actor.permissions) return actor.permissions;
  if (!actor.roles) return builtInGrants[actor.role];
  return union(actor.roles.filter(isBuiltInRole).map((name) => builtInGrants[name]));
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return permissionsOf(actor).has(permission);
}

/** A verifier whose actors carry their resolved permissions, custom roles included. */
export function withGrants(verify: TokenVerifier, catalog: RoleCatalog): TokenVerifier {
  return async (token) => {
    const actor = await verify(token);
    if (!actor.roles || actor.enrolOnly) return actor;
    const sets = await Promise.all(
      actor.roles.map(async (name) =>
        isBuiltInRole(name) ? builtInGrants[name] : new Set((await catalog(name)) ?? []),
      ),
    );
    return { ...actor, permissions: union(sets) };
  };
}

/** What a token that must enrol a second factor first may do: that, and nothing else. */
const enrolOnly: ReadonlySet<Permission> = new Set<Permission>(['account:2fa']);

function union(sets: readonly ReadonlySet<Permission>[]): ReadonlySet<Permission> {
  const all = new Set<Permission>();
  for (const set of sets) for (const permission of set) if (isPermission(permission)) all.add(permission);
  return all;
}
