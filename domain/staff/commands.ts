/** Hashes come in already made (domain/ has no crypto); `now` is the command's time. */
export type StaffCommand =
  | {
      type: 'InviteStaff';
      data: {
        staffId: string;
        email: string;
        name: string | null;
        roles: string[];
        tokenHash: string;
        now: string;
        ttlHours: number;
      };
    }
  | { type: 'RevokeInvitation'; data: { staffId: string; now: string } }
  | {
      type: 'AcceptInvitation';
      data: { staffId: string; tokenHash: string; passwordHash: string; now: string };
    }
  | {
      type: 'ChangeStaffRoles';
      data: { staffId: string; roles: string[]; reason: string | null; now: string };
    };
