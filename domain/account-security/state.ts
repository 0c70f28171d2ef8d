export type TotpState =
  | { status: 'none' }
  | { status: 'pending'; secret: string }
  | { status: 'enabled'; secret: string; recoveryCodeHashes: string[]; lastStep: number };

export type AccountSecurityState = {
  totp: TotpState;
  /** Every session this account started, newest last: "log out everywhere" revokes them. */
  sessionIds: string[];
};

export const initialAccountSecurityState = (): AccountSecurityState => ({
  totp: { status: 'none' },
  sessionIds: [],
});

/** How many single-use recovery codes an enrolment hands out. */
export const RECOVERY_CODE_COUNT = 10;
