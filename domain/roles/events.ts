import type { Permission } from '../access/permissions.ts';

/** An admin defined a custom role ("inventory clerk") as a named set of permissions. */
export type RoleDefined = {
  type: 'RoleDefined';
  data: { name: string; description: string; permissions: Permission[] };
};

/** The role's permissions were replaced; the previous set is kept for the audit trail. */
export type RolePermissionsChanged = {
  type: 'RolePermissionsChanged';
  data: { name: string; previous: Permission[]; permissions: Permission[] };
};

/** The role grants nothing from now on; staff still carrying it lose its permissions. */
export type RoleRetired = { type: 'RoleRetired'; data: { name: string } };

export type RoleEvent = RoleDefined | RolePermissionsChanged | RoleRetired;

const types: Record<RoleEvent['type'], true> = {
  RoleDefined: true,
  RolePermissionsChanged: true,
  RoleRetired: true,
};

export const roleEventTypes = Object.keys(types) as RoleEvent['type'][];

export function isRoleEvent(event: { type: string }): event is RoleEvent {
  return Object.hasOwn(types, event.type);
}
