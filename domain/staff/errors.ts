import { DomainError } from '../errors.ts';

export class StaffNotFound extends DomainError<{ staffId: string }> {
  override readonly name = 'StaffNotFound';
  readonly code = 'staff_not_found';
  readonly kind = 'not_found';
  constructor(staffId: string) {
    super(`Staff account ${staffId} does not exist`, { staffId });
  }
}

/** Wrong token, expired, revoked or used: one answer, so an invitation cannot be probed. */
export class InvitationRefused extends DomainError<{ field: string }> {
  override readonly name = 'InvitationRefused';
  readonly code = 'invitation_refused';
  readonly kind = 'rule';
  constructor() {
    super('The invitation is wrong, expired, revoked or used', { field: 'token' });
  }
}

/** Only a pending invitation can be revoked. */
export class InvitationNotPending extends DomainError<{ staffId: string; status: string }> {
  override readonly name = 'InvitationNotPending';
  readonly code = 'invitation_not_pending';
  readonly kind = 'rule';
  constructor(staffId: string, status: string) {
    super(`The invitation of ${staffId} is ${status}, not pending`, { staffId, status });
  }
}
