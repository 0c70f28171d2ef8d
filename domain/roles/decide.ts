import { isBuiltInRole, isPermission, type Permission } from '../access/permissions.ts';
import { assertNever } from '../assert-never.ts';
import { AlreadyExists, NoChange, ValidationFailed } from '../errors.ts';
import { requireKey, requireLength } from '../validation.ts';
import type { RoleCommand } from './commands.ts';
import { RoleNotFound, RoleRetiredError } from './errors.ts';
import type { RoleEvent } from './events.ts';
import type { RoleState } from './state.ts';

export function decideRole(command: RoleCommand, state: RoleState): RoleEvent[] {
  switch (command.type) {
    case 'DefineRole': {
      const { name, description } = command.data;
      requireRoleName(name);
      requireLength('description', description, 500);
      if (state.status !== 'absent') throw new AlreadyExists({ aggregate: 'role', id: name });
      return [
        {
          type: 'RoleDefined',
          data: { name, description, permissions: grantable(command.data.permissions) },
        },
      ];
    }
    case 'ChangeRolePermissions': {
      const { name } = command.data;
      if (state.status === 'absent') throw new RoleNotFound(name);
      if (state.status === 'retired') throw new RoleRetiredError(name);
      const permissions = grantable(command.data.permissions);
      if (sameSet(permissions, state.permissions)) {
        throw new NoChange({ aggregate: 'role', id: name, field: 'permissions' });
      }
      return [{ type: 'RolePermissionsChanged', data: { name, previous: state.permissions, permissions } }];
    }
    case 'RetireRole': {
      const { name } = command.data;
      if (state.status === 'absent') throw new RoleNotFound(name);
      if (state.status === 'retired') throw new RoleRetiredError(name);
      return [{ type: 'RoleRetired', data: { name } }];
    }
    default:
      return assertNever(command);
  }
}

/** Built-in names are reserved: a custom "admin" would make every token's role ambiguous. */
function requireRoleName(name: string): void {
  requireKey('name', name);
  if (isBuiltInRole(name)) throw new ValidationFailed('name', 'is a built-in role (customer, staff, admin)');
}

/** Known permissions only, each once, sorted: two definitions of the same set compare equal. */
function grantable(requested: string[]): Permission[] {
  if (requested.length === 0) throw new ValidationFailed('permissions', 'must name at least one permission');
  requested.forEach((permission, index) => {
    if (!isPermission(permission))
      throw new ValidationFailed(`permissions[${index}]`, 'is not a known permission');
  });
  return [...new Set(requested as Permission[])].sort();
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);
