/**
 * Login session events (`session-{sessionId}`). A session is one login on one device: its refresh
 * token rotates on every use, and all of its refresh tokens form one family, so revoking the session
 * revokes the family. Only SHA-256 hashes of refresh tokens are stored. `ip` and `userAgent` are
 * personal data (sealed with the account's key, `domain/privacy/personal-fields.ts`).
 */
export type SessionStarted = {
  type: 'SessionStarted';
  data: {
    sessionId: string;
    accountId: string;
    /** The token role (customer, staff, admin) and the account's roles when the session began. */
    role: string;
    roles: string[];
    refreshHash: string;
    /** When the refresh family stops being usable, whatever its rotations. */
    expiresAt: string;
    /** When a second factor was passed at login (null: password only). */
    secondFactorAt: string | null;
    ip: string;
    userAgent: string;
    at: string;
  };
};
export type SessionRefreshed = {
  type: 'SessionRefreshed';
  data: {
    sessionId: string;
    accountId: string;
    refreshHash: string;
    ip: string;
    userAgent: string;
    at: string;
  };
};
/** A second factor passed inside the session (step-up): fresh `amr_at` in the next access tokens. */
export type SessionSecondFactorPassed = {
  type: 'SessionSecondFactorPassed';
  data: { sessionId: string; accountId: string; at: string };
};
/** A refresh token already rotated away came back: someone holds a copy. The family is revoked with it. */
export type RefreshTokenReused = {
  type: 'RefreshTokenReused';
  data: { sessionId: string; accountId: string; ip: string; userAgent: string; at: string };
};
/** `password-reset`: a reset ends every session, since whoever knew the old password may hold one. */
export type SessionRevocationReason =
  'logout' | 'revoked' | 'revoked-all' | 'admin' | 'refresh-reuse' | 'password-reset';
export type SessionRevoked = {
  type: 'SessionRevoked';
  data: { sessionId: string; accountId: string; reason: SessionRevocationReason; at: string };
};

export type SessionEvent =
  SessionStarted | SessionRefreshed | SessionSecondFactorPassed | RefreshTokenReused | SessionRevoked;

const types: Record<SessionEvent['type'], true> = {
  SessionStarted: true,
  SessionRefreshed: true,
  SessionSecondFactorPassed: true,
  RefreshTokenReused: true,
  SessionRevoked: true,
};

export const sessionEventTypes = Object.keys(types) as SessionEvent['type'][];

export function isSessionEvent(event: { type: string }): event is SessionEvent {
  return Object.hasOwn(types, event.type);
}
