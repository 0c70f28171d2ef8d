import { describe, it } from 'vitest';
import { specFor } from '../testing/decider-spec.ts';
import {
  accountSecurityDecider,
  SecondFactorRefused,
  TotpNotPending,
  type AccountSecurityCommand,
  type AccountSecurityEvent,
} from './index.ts';

const given = specFor(accountSecurityDecider);
const NOW = '2026-12-05T10:00:00.000Z';
const seen = { ip: '192.0.2.1', userAgent: 'Firefox' };
const pending: AccountSecurityEvent = {
  type: 'TotpEnrolmentStarted',
  data: { accountId: 'a-1', secret: 'SECRET', at: NOW },
};
const enabled: AccountSecurityEvent = {
  type: 'TotpEnabled',
  data: { accountId: 'a-1', recoveryCodeHashes: ['r1', 'r2'], step: 100, at: NOW },
};
const verify = (proof: { kind: 'totp'; step: number | null } | { kind: 'recovery-code'; hash: string }) =>
  ({
    type: 'VerifySecondFactor',
    data: { accountId: 'a-1', purpose: 'step-up', proof, ...seen, now: NOW },
  }) as const;
const failed: AccountSecurityEvent = {
  type: 'SecondFactorFailed',
  data: { accountId: 'a-1', purpose: 'step-up', ...seen, at: NOW },
};

describe('account security decider', () => {
  it('enables TOTP only from a pending enrolment and a matching code', () => {
    const confirm = (step: number | null): AccountSecurityCommand => ({
      type: 'ConfirmTotp',
      data: { accountId: 'a-1', step, recoveryCodeHashes: ['r1', 'r2'], ...seen, now: NOW },
    });
    given([]).when(confirm(100)).thenThrows(TotpNotPending);
    given([pending])
      .when(confirm(null))
      .then([
        { type: 'SecondFactorFailed', data: { accountId: 'a-1', purpose: 'confirm', ...seen, at: NOW } },
      ]);
    given([pending])
      .when(confirm(100))
      .then([
        enabled,
        {
          type: 'SecondFactorVerified',
          data: {
            accountId: 'a-1',
            purpose: 'confirm',
            method: 'totp',
            step: 100,
            recoveryCodeHash: null,
            ...seen,
            at: NOW,
          },
        },
      ]);
  });

  it('accepts a TOTP step once, and each recovery code once', () => {
    given([pending, enabled])
      .when(verify({ kind: 'totp', step: 100 }))
      .then([failed]);
    given([pending, enabled])
      .when(verify({ kind: 'totp', step: null }))
      .then([failed]);
    given([pending, enabled])
      .when(verify({ kind: 'totp', step: 101 }))
      .then([
        {
          type: 'SecondFactorVerified',
          data: {
            accountId: 'a-1',
            purpose: 'step-up',
            method: 'totp',
            step: 101,
            recoveryCodeHash: null,
            ...seen,
            at: NOW,
          },
        },
      ]);
    const used: AccountSecurityEvent = {
      type: 'SecondFactorVerified',
      data: {
        accountId: 'a-1',
        purpose: 'login',
        method: 'recovery-code',
        step: null,
        recoveryCodeHash: 'r1',
        ...seen,
        at: NOW,
      },
    };
    given([pending, enabled, used])
      .when(verify({ kind: 'recovery-code', hash: 'r1' }))
      .then([failed]);
  });

  it('refuses a second factor to an account without one, and a new enrolment while one is on', () => {
    given([])
      .when(verify({ kind: 'totp', step: 5 }))
      .thenThrows(SecondFactorRefused);
    given([pending, enabled])
      .when({ type: 'StartTotpEnrolment', data: { accountId: 'a-1', secret: 'OTHER', now: NOW } })
      .thenThrows(TotpNotPending);
  });
});
