import { assertNever } from '../assert-never.ts';
import type { SessionEvent } from './events.ts';
import type { SessionState } from './state.ts';

export function evolveSession(state: SessionState, event: SessionEvent): SessionState {
  if (event.type === 'SessionStarted') {
    const { at, ...rest } = event.data;
    return { status: 'active', ...rest, usedHashes: [], startedAt: at, lastSeenAt: at };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'SessionRefreshed':
      return {
        ...state,
        usedHashes: [...state.usedHashes, state.refreshHash],
        refreshHash: event.data.refreshHash,
        ip: event.data.ip,
        userAgent: event.data.userAgent,
        lastSeenAt: event.data.at,
      };
    case 'SessionSecondFactorPassed':
      return { ...state, secondFactorAt: event.data.at, lastSeenAt: event.data.at };
    case 'RefreshTokenReused':
      return state;
    case 'SessionRevoked':
      return { ...state, status: 'revoked' };
    default:
      return assertNever(event);
  }
}
