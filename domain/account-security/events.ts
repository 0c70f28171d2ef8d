/**
 * An account's second factor and login activity (`auth-{accountId}`), for customers and staff alike.
 * Kept apart from the `customer-{id}` (and staff) streams: one pattern for both kinds of account, and
 * login failures, which an attacker can cause at will, never lengthen the replay of the account that
 * every profile command decides on. The audit view shows these events with their IP and user agent.
 *
 * The TOTP secret and `ip`/`userAgent` are personal data: sealed with the account's key
 * (`domain/privacy/personal-fields.ts`). Recovery codes are stored only as hashes.
 */
type Seen = { ip: string; userAgent: string; at: string };

export type LoginMethod = 'password' | 'totp' | 'recovery-code';
export type SecondFactorPurpose = 'login' | 'step-up' | 'confirm' | 'disable';

export type LoginSucceeded = {
  type: 'LoginSucceeded';
  data: { accountId: string; sessionId: string; methods: LoginMethod[] } & Seen;
};
export type LoginFailed = {
  type: 'LoginFailed';
  data: { accountId: string; reason: 'password' | 'second-factor' } & Seen;
};
export type TotpEnrolmentStarted = {
  type: 'TotpEnrolmentStarted';
  data: { accountId: string; secret: string; at: string };
};
export type TotpEnabled = {
  type: 'TotpEnabled';
  data: { accountId: string; recoveryCodeHashes: string[]; step: number; at: string };
};
export type SecondFactorVerified = {
  type: 'SecondFactorVerified';
  data: {
    accountId: string;
    purpose: SecondFactorPurpose;
    method: 'totp' | 'recovery-code';
    /** The TOTP time step used (a code is good once), or null for a recovery code. */
    step: number | null;
    /** The recovery code's hash, spent. */
    recoveryCodeHash: string | null;
  } & Seen;
};
export type SecondFactorFailed = {
  type: 'SecondFactorFailed';
  data: { accountId: string; purpose: SecondFactorPurpose } & Seen;
};
export type TotpDisabled = { type: 'TotpDisabled'; data: { accountId: string; at: string } };
export type AllSessionsRevoked = {
  type: 'AllSessionsRevoked';
  data: { accountId: string; sessionIds: string[]; byAdmin: boolean; at: string };
};

export type AccountSecurityEvent =
  | LoginSucceeded
  | LoginFailed
  | TotpEnrolmentStarted
  | TotpEnabled
  | SecondFactorVerified
  | SecondFactorFailed
  | TotpDisabled
  | AllSessionsRevoked;

const types: Record<AccountSecurityEvent['type'], true> = {
  LoginSucceeded: true,
  LoginFailed: true,
  TotpEnrolmentStarted: true,
  TotpEnabled: true,
  SecondFactorVerified: true,
  SecondFactorFailed: true,
  TotpDisabled: true,
  AllSessionsRevoked: true,
};

export const accountSecurityEventTypes = Object.keys(types) as AccountSecurityEvent['type'][];

export function isAccountSecurityEvent(event: { type: string }): event is AccountSecurityEvent {
  return Object.hasOwn(types, event.type);
}
