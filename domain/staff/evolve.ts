import { assertNever } from '../assert-never.ts';
import type { StaffEvent } from './events.ts';
import type { StaffState } from './state.ts';

export function evolveStaff(state: StaffState, event: StaffEvent): StaffState {
  if (event.type === 'StaffInvited') {
    const { staffId, personal, roles, tokenHash, expiresAt } = event.data;
    return {
      status: 'invited',
      staffId,
      personal,
      roles,
      invitation: { tokenHash, expiresAt },
      passwordHash: null,
    };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'StaffInvitationRevoked':
      return { ...state, status: 'revoked', invitation: null };
    case 'StaffInvitationAccepted':
      return { ...state, status: 'active', invitation: null, passwordHash: event.data.passwordHash };
    case 'StaffRolesChanged':
      return { ...state, roles: event.data.roles };
    default:
      return assertNever(event);
  }
}
