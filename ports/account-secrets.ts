/**
 * The secrets of accounts, as the command handlers need them: a password hash (memory-hard, slow
 * on purpose) and one-time codes, of which only a hash is ever stored. Adapted by
 * `infra/auth/account-secrets.ts`.
 */
export interface AccountSecrets {
  hashPassword(password: string): Promise<string>;
  verifyPassword(password: string, stored: string): Promise<boolean>;
  /** A fresh one-time code to mail (six digits) and the hash to store. */
  newCode(): { code: string; hash: string };
  /** The hash a code a user typed is compared by. */
  hashCode(code: string): string;
  /** A long random token (staff invitations) and the hash to store. */
  newToken(): { token: string; hash: string };
  /** The digest of a normalised email that names its claim stream (the address stays out of stream names). */
  emailDigest(email: string): string;
}
