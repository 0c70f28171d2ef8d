import { assertNever } from '../assert-never.ts';
import type { RoleEvent } from './events.ts';
import type { RoleState } from './state.ts';

export function evolveRole(state: RoleState, event: RoleEvent): RoleState {
  switch (event.type) {
    case 'RoleDefined':
      return { status: 'active', ...event.data };
    case 'RolePermissionsChanged':
      return state.status === 'absent' ? state : { ...state, permissions: event.data.permissions };
    case 'RoleRetired':
      return state.status === 'absent' ? state : { ...state, status: 'retired' };
    default:
      return assertNever(event);
  }
}
