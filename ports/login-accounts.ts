/**
 * The accounts a login may open, customers and staff alike, as the login handlers need them.
 * Adapted by `commands/auth/login-accounts.ts` from the account streams: a `login-email-{hash}`
 * claim names the account, whose own stream gives the password hash and roles. Staff accounts
 * plug in as a second source (`staff`) that resolves an account id.
 */
export type TokenRole = 'customer' | 'staff' | 'admin';

export interface LoginAccount {
  accountId: string;
  kind: 'customer' | 'staff';
  passwordHash: string;
  /** The `role` claim: what `qm token`-style checks and events record. */
  role: TokenRole;
  /** Every role the account carries (built-in and custom): the `roles` claim. */
  roles: string[];
}

export interface LoginAccounts {
  /** The account that logs in with `email`, or null (unknown, not yet verified, or closed). */
  byEmail(email: string): Promise<LoginAccount | null>;
  /** The account as it is now (roles may have changed since login), or null when gone. */
  byId(accountId: string, kind: 'customer' | 'staff'): Promise<LoginAccount | null>;
}
