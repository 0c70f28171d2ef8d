import { assertNever } from '../assert-never.ts';
import type { AccountSecurityCommand, SecondFactorProof } from './commands.ts';
import { SecondFactorRefused, TotpNotPending } from './errors.ts';
import type { AccountSecurityEvent, SecondFactorPurpose } from './events.ts';
import type { AccountSecurityState } from './state.ts';

type Seen = { ip: string; userAgent: string; now: string };

/**
 * A wrong second factor is recorded (SecondFactorFailed), not thrown: the activity log must show it,
 * and the handler answers the refusal after the append.
 */
export function decideAccountSecurity(
  command: AccountSecurityCommand,
  state: AccountSecurityState,
): AccountSecurityEvent[] {
  const { accountId } = command.data;
  switch (command.type) {
    case 'RecordLogin': {
      const { sessionId, methods, ip, userAgent, now } = command.data;
      return [{ type: 'LoginSucceeded', data: { accountId, sessionId, methods, ip, userAgent, at: now } }];
    }
    case 'RecordLoginFailure': {
      const { reason, ip, userAgent, now } = command.data;
      return [{ type: 'LoginFailed', data: { accountId, reason, ip, userAgent, at: now } }];
    }
    case 'StartTotpEnrolment':
      // Enrolling again while enabled is refused: disabling needs a code, so a stolen session
      // cannot silently replace the factor.
      if (state.totp.status === 'enabled') throw new TotpNotPending(accountId);
      return [
        {
          type: 'TotpEnrolmentStarted',
          data: { accountId, secret: command.data.secret, at: command.data.now },
        },
      ];
    case 'ConfirmTotp': {
      const { step, recoveryCodeHashes, ip, userAgent, now } = command.data;
      if (state.totp.status !== 'pending') throw new TotpNotPending(accountId);
      if (step === null) return [failed(accountId, 'confirm', command.data)];
      return [
        { type: 'TotpEnabled', data: { accountId, recoveryCodeHashes, step, at: now } },
        verified(accountId, 'confirm', { kind: 'totp', step }, { ip, userAgent, now }),
      ];
    }
    case 'VerifySecondFactor': {
      const { purpose, proof } = command.data;
      return [check(state, accountId, purpose, proof, command.data)];
    }
    case 'DisableTotp': {
      const event = check(state, accountId, 'disable', command.data.proof, command.data);
      if (event.type === 'SecondFactorFailed') return [event];
      return [event, { type: 'TotpDisabled', data: { accountId, at: command.data.now } }];
    }
    case 'RecordSessionsRevoked': {
      const { sessionIds, byAdmin, now } = command.data;
      return [{ type: 'AllSessionsRevoked', data: { accountId, sessionIds, byAdmin, at: now } }];
    }
    default:
      return assertNever(command);
  }
}

function check(
  state: AccountSecurityState,
  accountId: string,
  purpose: SecondFactorPurpose,
  proof: SecondFactorProof,
  seen: Seen,
): AccountSecurityEvent {
  if (state.totp.status !== 'enabled') throw new SecondFactorRefused(accountId);
  const good =
    proof.kind === 'totp'
      ? proof.step !== null && proof.step > state.totp.lastStep // a code is good once
      : state.totp.recoveryCodeHashes.includes(proof.hash);
  return good ? verified(accountId, purpose, proof, seen) : failed(accountId, purpose, seen);
}

function verified(
  accountId: string,
  purpose: SecondFactorPurpose,
  proof: SecondFactorProof,
  { ip, userAgent, now }: Seen,
): AccountSecurityEvent {
  return {
    type: 'SecondFactorVerified',
    data: {
      accountId,
      purpose,
      method: proof.kind,
      step: proof.kind === 'totp' ? proof.step : null,
      recoveryCodeHash: proof.kind === 'recovery-code' ? proof.hash : null,
      ip,
      userAgent,
      at: now,
    },
  };
}

function failed(
  accountId: string,
  purpose: SecondFactorPurpose,
  { ip, userAgent, now }: Seen,
): AccountSecurityEvent {
  return { type: 'SecondFactorFailed', data: { accountId, purpose, ip, userAgent, at: now } };
}
