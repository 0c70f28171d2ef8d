import type { StaffPersonal } from './events.ts';

export type StaffState =
  | { status: 'absent' }
  | {
      /** `invited` until accepted or revoked; an invitation past `expiresAt` can no longer be accepted. */
      status: 'invited' | 'revoked' | 'active';
      staffId: string;
      personal: StaffPersonal;
      roles: string[];
      invitation: { tokenHash: string; expiresAt: string } | null;
      passwordHash: string | null;
    };

export const initialStaffState = (): StaffState => ({ status: 'absent' });
