export type DefineRole = {
  type: 'DefineRole';
  data: { name: string; description: string; permissions: string[] };
};
export type ChangeRolePermissions = {
  type: 'ChangeRolePermissions';
  data: { name: string; permissions: string[] };
};
export type RetireRole = { type: 'RetireRole'; data: { name: string } };

export type RoleCommand = DefineRole | ChangeRolePermissions | RetireRole;
