import type { LoginMethod, SecondFactorPurpose } from './events.ts';

type Seen = { ip: string; userAgent: string; now: string };

/**
 * A second factor as the handler checked it (domain/ has no crypto): the TOTP step the code matched
 * (null when it matched none), or the hash of the recovery code typed.
 */
export type SecondFactorProof =
  { kind: 'totp'; step: number | null } | { kind: 'recovery-code'; hash: string };

export type AccountSecurityCommand =
  | { type: 'RecordLogin'; data: { accountId: string; sessionId: string; methods: LoginMethod[] } & Seen }
  | { type: 'RecordLoginFailure'; data: { accountId: string; reason: 'password' | 'second-factor' } & Seen }
  | { type: 'StartTotpEnrolment'; data: { accountId: string; secret: string; now: string } }
  | {
      type: 'ConfirmTotp';
      data: { accountId: string; step: number | null; recoveryCodeHashes: string[] } & Seen;
    }
  | {
      type: 'VerifySecondFactor';
      data: { accountId: string; purpose: SecondFactorPurpose; proof: SecondFactorProof } & Seen;
    }
  | { type: 'DisableTotp'; data: { accountId: string; proof: SecondFactorProof } & Seen }
  | {
      type: 'RecordSessionsRevoked';
      data: { accountId: string; sessionIds: string[]; byAdmin: boolean; now: string };
    };
