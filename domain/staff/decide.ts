import { assertNever } from '../assert-never.ts';
import { AlreadyExists, NoChange, ValidationFailed } from '../errors.ts';
import { requireKey, requireLength, requireText } from '../validation.ts';
import type { StaffCommand } from './commands.ts';
import { InvitationNotPending, InvitationRefused, StaffNotFound } from './errors.ts';
import type { StaffEvent } from './events.ts';
import type { StaffState } from './state.ts';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;
const MAX_ROLES = 20;

/** Built-in `staff` and `admin`, or custom roles: sorted, once each. `customer` is no staff role. */
function validRoles(roles: readonly string[]): string[] {
  if (roles.length === 0) throw new ValidationFailed('roles', 'must name at least one role');
  if (roles.length > MAX_ROLES) throw new ValidationFailed('roles', `must name at most ${MAX_ROLES} roles`);
  roles.forEach((role, index) => {
    requireKey(`roles[${index}]`, role);
    if (role === 'customer') throw new ValidationFailed(`roles[${index}]`, 'customer is not a staff role');
  });
  return [...new Set(roles)].sort();
}

export function decideStaff(command: StaffCommand, state: StaffState): StaffEvent[] {
  if (command.type === 'InviteStaff') {
    const { staffId, name, tokenHash, now, ttlHours } = command.data;
    requireKey('staffId', staffId);
    const email = command.data.email.trim().toLowerCase();
    if (!EMAIL.test(email)) throw new ValidationFailed('email', 'must be an email address');
    if (name !== null) requireText('name', name);
    const roles = validRoles(command.data.roles);
    if (state.status !== 'absent') throw new AlreadyExists({ aggregate: 'staff', id: staffId });
    const expiresAt = new Date(Date.parse(now) + ttlHours * 3_600_000).toISOString();
    return [
      {
        type: 'StaffInvited',
        data: { staffId, personal: { email, name }, roles, tokenHash, expiresAt, at: now },
      },
    ];
  }
  const { staffId } = command.data;
  switch (command.type) {
    case 'AcceptInvitation': {
      const { tokenHash, passwordHash, now } = command.data;
      // Absent, revoked, used, expired or a wrong token: the same refusal.
      if (state.status !== 'invited' || !state.invitation) throw new InvitationRefused();
      if (now > state.invitation.expiresAt || tokenHash !== state.invitation.tokenHash) {
        throw new InvitationRefused();
      }
      return [{ type: 'StaffInvitationAccepted', data: { staffId, passwordHash, at: now } }];
    }
    case 'RevokeInvitation': {
      if (state.status === 'absent') throw new StaffNotFound(staffId);
      if (state.status !== 'invited') throw new InvitationNotPending(staffId, state.status);
      return [{ type: 'StaffInvitationRevoked', data: { staffId, at: command.data.now } }];
    }
    case 'ChangeStaffRoles': {
      if (state.status === 'absent') throw new StaffNotFound(staffId);
      const { reason, now } = command.data;
      if (reason !== null) requireLength('reason', reason, 500);
      const roles = validRoles(command.data.roles);
      if (roles.join() === state.roles.join()) {
        throw new NoChange({ aggregate: 'staff', id: staffId, field: 'roles' });
      }
      return [
        { type: 'StaffRolesChanged', data: { staffId, roles, previous: state.roles, reason, at: now } },
      ];
    }
    default:
      return assertNever(command);
  }
}
