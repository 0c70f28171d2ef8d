import { describe, expect, it } from 'vitest';
import { AlreadyExists, NoChange, ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { RoleNotFound, RoleRetiredError } from './errors.ts';
import { roleDecider, type RoleDefined } from './index.ts';

const given = specFor(roleDecider);
const defined: RoleDefined = {
  type: 'RoleDefined',
  data: {
    name: 'inventory-clerk',
    description: 'counts stock',
    permissions: ['stock:adjust', 'stock:receive'],
  },
};

describe('DefineRole', () => {
  it('defines a role with its permissions, deduplicated and sorted', () => {
    given([])
      .when({
        type: 'DefineRole',
        data: {
          name: 'inventory-clerk',
          description: 'counts stock',
          permissions: ['stock:receive', 'stock:adjust', 'stock:receive'],
        },
      })
      .then([defined]);
  });

  it('refuses an unknown permission, naming it', () => {
    given([])
      .when({
        type: 'DefineRole',
        data: { name: 'x', description: '', permissions: ['stock:adjust', 'root'] },
      })
      .thenThrows(ValidationFailed, { field: 'permissions[1]' });
  });

  it('refuses no permissions at all, and a built-in name', () => {
    given([])
      .when({ type: 'DefineRole', data: { name: 'x', description: '', permissions: [] } })
      .thenThrows(ValidationFailed, { field: 'permissions' });
    given([])
      .when({ type: 'DefineRole', data: { name: 'admin', description: '', permissions: ['audit:read'] } })
      .thenThrows(ValidationFailed, { field: 'name' });
  });

  it('refuses to define it twice', () => {
    given([defined])
      .when({
        type: 'DefineRole',
        data: { name: 'inventory-clerk', description: '', permissions: ['audit:read'] },
      })
      .thenThrows(AlreadyExists, { aggregate: 'role', id: 'inventory-clerk' });
  });
});

describe('ChangeRolePermissions', () => {
  it('replaces the set, keeping the previous one', () => {
    const state = given([defined])
      .when({
        type: 'ChangeRolePermissions',
        data: { name: 'inventory-clerk', permissions: ['stock:transfer'] },
      })
      .then([
        {
          type: 'RolePermissionsChanged',
          data: {
            name: 'inventory-clerk',
            previous: ['stock:adjust', 'stock:receive'],
            permissions: ['stock:transfer'],
          },
        },
      ]);
    expect(state).toMatchObject({ status: 'active', permissions: ['stock:transfer'] });
  });

  it('refuses the same set, a missing role and a retired one', () => {
    given([defined])
      .when({
        type: 'ChangeRolePermissions',
        data: { name: 'inventory-clerk', permissions: ['stock:receive', 'stock:adjust'] },
      })
      .thenThrows(NoChange, { field: 'permissions' });
    given([])
      .when({ type: 'ChangeRolePermissions', data: { name: 'nope', permissions: ['audit:read'] } })
      .thenThrows(RoleNotFound, { name: 'nope' });
    given([defined, { type: 'RoleRetired', data: { name: 'inventory-clerk' } }])
      .when({ type: 'ChangeRolePermissions', data: { name: 'inventory-clerk', permissions: ['audit:read'] } })
      .thenThrows(RoleRetiredError);
  });
});

describe('RetireRole', () => {
  it('retires once', () => {
    given([defined])
      .when({ type: 'RetireRole', data: { name: 'inventory-clerk' } })
      .then([{ type: 'RoleRetired', data: { name: 'inventory-clerk' } }]);
    given([defined, { type: 'RoleRetired', data: { name: 'inventory-clerk' } }])
      .when({ type: 'RetireRole', data: { name: 'inventory-clerk' } })
      .thenThrows(RoleRetiredError);
  });
});
