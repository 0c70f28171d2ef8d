import type { Permission } from '../access/permissions.ts';

export type RoleState =
  | { status: 'absent' }
  | { status: 'active' | 'retired'; name: string; description: string; permissions: Permission[] };

export const initialRoleState = (): RoleState => ({ status: 'absent' });
