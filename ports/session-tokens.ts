import type { TokenRole } from './login-accounts.ts';

/**
 * What login hands out, adapted by `infra/auth/session-tokens.ts`: access JWTs signed with the
 * server's current Ed25519 key, refresh tokens (random, `{sessionId}.{secret}`, only their hash is
 * stored), and the short-lived challenge a login with a second factor continues with.
 */
export interface AccessClaims {
  accountId: string;
  role: TokenRole;
  roles: readonly string[];
  sessionId: string;
  /** When a second factor was last passed in this session (seconds): the `amr_at` claim. */
  secondFactorAt: number | null;
  /** Only second-factor enrolment is allowed (2FA required and not set up): the `scope` claim. */
  enrolOnly: boolean;
}

export interface SessionTokens {
  issueAccess(claims: AccessClaims): Promise<{ token: string; expiresIn: number }>;
  /** A fresh refresh token for the session, and the hash to store. */
  newRefreshToken(sessionId: string): { token: string; hash: string };
  /** The session a refresh token names, and its hash; null when it is not one of ours. */
  readRefreshToken(token: string): { sessionId: string; hash: string } | null;
  /** How long a refresh family lives (seconds) before a new login is needed. */
  refreshLifetimeSeconds: number;
  /** A signed, short-lived token naming the account whose password was right. */
  issueChallenge(accountId: string, kind: 'customer' | 'staff'): Promise<string>;
  readChallenge(token: string): Promise<{ accountId: string; kind: 'customer' | 'staff' } | null>;
}

/** Where a revoked session is announced, so every API process refuses its access tokens at once. */
export interface SessionRevocations {
  /** `expiresAt`: when its last access token expires (ms); the list forgets it after that. */
  revoke(sessionId: string, expiresAtMs: number): Promise<void>;
}
