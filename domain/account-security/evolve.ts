import { assertNever } from '../assert-never.ts';
import type { AccountSecurityEvent } from './events.ts';
import type { AccountSecurityState } from './state.ts';

export function evolveAccountSecurity(
  state: AccountSecurityState,
  event: AccountSecurityEvent,
): AccountSecurityState {
  switch (event.type) {
    case 'LoginSucceeded':
      return { ...state, sessionIds: [...state.sessionIds, event.data.sessionId] };
    case 'AllSessionsRevoked':
      return { ...state, sessionIds: state.sessionIds.filter((id) => !event.data.sessionIds.includes(id)) };
    case 'TotpEnrolmentStarted':
      return { ...state, totp: { status: 'pending', secret: event.data.secret } };
    case 'TotpEnabled':
      if (state.totp.status !== 'pending') return state;
      return {
        ...state,
        totp: {
          status: 'enabled',
          secret: state.totp.secret,
          recoveryCodeHashes: event.data.recoveryCodeHashes,
          lastStep: event.data.step,
        },
      };
    case 'SecondFactorVerified': {
      if (state.totp.status !== 'enabled') return state;
      const { step, recoveryCodeHash } = event.data;
      return {
        ...state,
        totp: {
          ...state.totp,
          lastStep: step ?? state.totp.lastStep,
          recoveryCodeHashes: state.totp.recoveryCodeHashes.filter((hash) => hash !== recoveryCodeHash),
        },
      };
    }
    case 'TotpDisabled':
      return { ...state, totp: { status: 'none' } };
    case 'LoginFailed':
    case 'SecondFactorFailed':
      return state;
    default:
      return assertNever(event);
  }
}
