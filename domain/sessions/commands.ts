import type { SessionRevocationReason, SessionStarted } from './events.ts';

/** Hashes come in already made (domain/ has no crypto); `now` is the command's time. */
export type SessionCommand =
  | { type: 'StartSession'; data: SessionStarted['data'] }
  | {
      type: 'RefreshSession';
      data: {
        sessionId: string;
        /** The hash of the refresh token presented. */
        presentedHash: string;
        /** The hash of the token that replaces it. */
        refreshHash: string;
        ip: string;
        userAgent: string;
        now: string;
      };
    }
  | { type: 'PassSecondFactor'; data: { sessionId: string; now: string } }
  | { type: 'RevokeSession'; data: { sessionId: string; reason: SessionRevocationReason; now: string } };
