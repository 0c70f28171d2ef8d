/**
 * RFC 6238 time-based one-time passwords, adapted by `infra/auth/totp.ts` (otpauth). The handler
 * turns a typed code into the time step it matched; the decider then refuses a step already used.
 */
export interface Totp {
  /** A new random secret (base32). */
  newSecret(): string;
  /** The `otpauth://` provisioning URI an authenticator app scans. */
  provisioningUri(secret: string, accountLabel: string): string;
  /** The time step the code is valid for at `nowMs` (within the drift window), or null. */
  matchStep(secret: string, code: string, nowMs: number): number | null;
  /** Fresh single-use recovery codes and the hashes to store. */
  newRecoveryCodes(count: number): { codes: string[]; hashes: string[] };
  hashRecoveryCode(code: string): string;
}
