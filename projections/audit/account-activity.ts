/**
 * The account activity the audit view shows whoever's request caused it (issue 16): logins and
 * their failures, second-factor enrolment, use and failures, password resets, session revocations
 * and staff role changes. A login is the account's own doing (its actor is the account), so these
 * are audited by event type, not by the actor's role.
 *
 * The entry's `after` (what the audit API answers) and `data` keep the event's IP and user agent
 * (personal data: sealed in the log with the account's key, set to `[erased]` here on
 * `CustomerErased`) and never its secrets: the TOTP secret, password, refresh-token and code
 * hashes are left out.
 */
import type { JsonObject } from '../../ports/event-store.ts';

/** `auth-{accountId}`: the account's second factor and login activity. */
export const accountSecurityAudited = [
  'LoginSucceeded',
  'LoginFailed',
  'TotpEnrolmentStarted',
  'TotpEnabled',
  'SecondFactorVerified',
  'SecondFactorFailed',
  'TotpDisabled',
  'AllSessionsRevoked',
] as const;
/** `session-{id}`: the session ended, or a spent refresh token came back. */
export const sessionAudited = ['SessionRevoked', 'RefreshTokenReused'] as const;
/** `customer-{id}`: password resets and changes. */
export const customerAudited = [
  'PasswordResetRequested',
  'PasswordResetFailed',
  'CustomerPasswordChanged',
] as const;
/** `staff-{id}`: the lifecycle of a staff account and its roles (an admin's doing). */
export const staffAudited = [
  'StaffInvitationAccepted',
  'StaffInvitationRevoked',
  'StaffRolesChanged',
] as const;

export const accountActivityTypes: readonly string[] = [
  ...accountSecurityAudited,
  ...sessionAudited,
  ...customerAudited,
  ...staffAudited,
];
export const accountActivityCategories = ['auth', 'session', 'customer', 'staff'] as const;

/** Event types whose entry holds the request's `ip` and `userAgent`: erased with the account. */
export const seenActivityTypes: readonly string[] = [
  'LoginSucceeded',
  'LoginFailed',
  'SecondFactorVerified',
  'SecondFactorFailed',
  'RefreshTokenReused',
];

const activity = new Set(accountActivityTypes);
export const isAccountActivity = (type: string): boolean => activity.has(type);

/** Secrets an account event carries that no audit reader may see. */
const secretFields = new Set([
  'secret',
  'passwordHash',
  'codeHash',
  'refreshHash',
  'presentedHash',
  'recoveryCodeHash',
  'recoveryCodeHashes',
]);

/** The event's data without its secrets, for the audit entry. */
export function withoutSecrets(data: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !secretFields.has(key)));
}
