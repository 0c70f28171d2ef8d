import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Totp } from '../../ports/totp.ts';

/** RFC 6238 defaults every authenticator app reads: SHA-1, 6 digits, 30-second steps. */
const PERIOD = 30;

/**
 * TOTP through `otpauth` (RFC 6238). A code is accepted one step either side of now (`window`: the
 * drift of a phone's clock, ±30 s); the step it matched is what the account records, so a code is
 * good once. Recovery codes: ten groups of 10 base32 characters (50 bits each), stored as SHA-256.
 */
export function otpauthTotp(options: { issuer: string; window?: number }): Totp {
  const totp = (secret: string, label = 'account') =>
    new TOTP({
      issuer: options.issuer,
      label,
      algorithm: 'SHA1',
      digits: 6,
      period: PERIOD,
      secret: Secret.fromBase32(secret),
    });
  const hashRecoveryCode = (code: string) =>
    createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('base64url');
  return {
    newSecret: () => new Secret({ size: 20 }).base32,
    provisioningUri: (secret, label) => totp(secret, label).toString(),
    matchStep(secret, code, nowMs) {
      const delta = totp(secret).validate({ token: code, timestamp: nowMs, window: options.window ?? 1 });
      return delta === null ? null : Math.floor(nowMs / 1000 / PERIOD) + delta;
    },
    newRecoveryCodes(count) {
      const codes = Array.from({ length: count }, () => {
        const raw = new Secret({ buffer: randomBytes(10).buffer }).base32.slice(0, 10);
        return `${raw.slice(0, 5)}-${raw.slice(5)}`;
      });
      return { codes, hashes: codes.map(hashRecoveryCode) };
    },
    hashRecoveryCode,
  };
}
