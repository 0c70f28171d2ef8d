import { assertNever } from '../assert-never.ts';
import { AlreadyExists } from '../errors.ts';
import { requireKey } from '../validation.ts';
import type { SessionCommand } from './commands.ts';
import { RefreshRefused, SessionNotFound } from './errors.ts';
import type { SessionEvent } from './events.ts';
import type { SessionState } from './state.ts';

export function decideSession(command: SessionCommand, state: SessionState): SessionEvent[] {
  const { sessionId } = command.data;
  if (command.type === 'StartSession') {
    requireKey('sessionId', sessionId);
    if (state.status !== 'absent') throw new AlreadyExists({ aggregate: 'session', id: sessionId });
    return [{ type: 'SessionStarted', data: command.data }];
  }
  if (state.status === 'absent') {
    if (command.type === 'RefreshSession') throw new RefreshRefused(sessionId);
    throw new SessionNotFound(sessionId);
  }
  const { accountId } = state;
  switch (command.type) {
    case 'RefreshSession': {
      const { presentedHash, refreshHash, ip, userAgent, now } = command.data;
      if (state.usedHashes.includes(presentedHash)) {
        // A rotated token came back: whoever holds the live one may be the thief. End the family
        // (once: a reuse on an already revoked session is still recorded, for the activity log).
        return [
          { type: 'RefreshTokenReused', data: { sessionId, accountId, ip, userAgent, at: now } },
          ...(state.status === 'active'
            ? [
                {
                  type: 'SessionRevoked' as const,
                  data: { sessionId, accountId, reason: 'refresh-reuse' as const, at: now },
                },
              ]
            : []),
        ];
      }
      if (state.status !== 'active' || presentedHash !== state.refreshHash || now >= state.expiresAt) {
        throw new RefreshRefused(sessionId);
      }
      return [
        { type: 'SessionRefreshed', data: { sessionId, accountId, refreshHash, ip, userAgent, at: now } },
      ];
    }
    case 'PassSecondFactor':
      if (state.status !== 'active') throw new SessionNotFound(sessionId);
      return [{ type: 'SessionSecondFactorPassed', data: { sessionId, accountId, at: command.data.now } }];
    case 'RevokeSession':
      // Revoking twice is not an error: "log out everywhere" may meet a session already ended.
      if (state.status === 'revoked') return [];
      return [
        {
          type: 'SessionRevoked',
          data: { sessionId, accountId, reason: command.data.reason, at: command.data.now },
        },
      ];
    default:
      return assertNever(command);
  }
}
