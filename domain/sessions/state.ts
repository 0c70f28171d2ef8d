export type SessionState =
  | { status: 'absent' }
  | {
      status: 'active' | 'revoked';
      sessionId: string;
      accountId: string;
      role: string;
      roles: string[];
      refreshHash: string;
      /** Every refresh hash rotated away: presenting one again is reuse. */
      usedHashes: string[];
      expiresAt: string;
      secondFactorAt: string | null;
      /** Where and when it was last used (login or refresh): what the session list shows. */
      ip: string;
      userAgent: string;
      startedAt: string;
      lastSeenAt: string;
    };

export const initialSessionState = (): SessionState => ({ status: 'absent' });
