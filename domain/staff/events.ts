/**
 * Staff account events (`staff-{staffId}`), from the invitation on. Personal data (email, name)
 * sits only in `personal`, which the GDPR key store encrypts with the staff member's key.
 */
export type StaffPersonal = { email: string; name: string | null };

/** Only the invitation token's hash is stored; the token itself goes out by mail once. */
export type StaffInvited = {
  type: 'StaffInvited';
  data: {
    staffId: string;
    personal: StaffPersonal;
    roles: string[];
    tokenHash: string;
    expiresAt: string;
    at: string;
  };
};
export type StaffInvitationRevoked = {
  type: 'StaffInvitationRevoked';
  data: { staffId: string; at: string };
};
/** The invitee set a password: the account is active from here on. */
export type StaffInvitationAccepted = {
  type: 'StaffInvitationAccepted';
  data: { staffId: string; passwordHash: string; at: string };
};
/** Roles after the change and before it, so the audit view shows both. */
export type StaffRolesChanged = {
  type: 'StaffRolesChanged';
  data: { staffId: string; roles: string[]; previous: string[]; reason: string | null; at: string };
};

export type StaffEvent = StaffInvited | StaffInvitationRevoked | StaffInvitationAccepted | StaffRolesChanged;

const types: Record<StaffEvent['type'], true> = {
  StaffInvited: true,
  StaffInvitationRevoked: true,
  StaffInvitationAccepted: true,
  StaffRolesChanged: true,
};

export const staffEventTypes = Object.keys(types) as StaffEvent['type'][];

export function isStaffEvent(event: { type: string }): event is StaffEvent {
  return Object.hasOwn(types, event.type);
}
