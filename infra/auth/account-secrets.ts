import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { AccountSecrets } from '../../ports/account-secrets.ts';
import { hashPassword, verifyPassword } from './password-hashing.ts';

/**
 * Passwords through scrypt (`password-hashing.ts`); one-time codes of six random digits, stored as
 * SHA-256. A plain hash is enough for a code: it lives 15 minutes and allows five tries, so its
 * million values cannot be searched through the API, and the hash only keeps it out of the log.
 */
export const accountSecrets: AccountSecrets = {
  hashPassword: (password) => hashPassword(password),
  verifyPassword,
  newCode() {
    const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
    return { code, hash: hashCode(code) };
  },
  hashCode,
  newToken() {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: hashCode(token) };
  },
  emailDigest: (email) => createHash('sha256').update(normalEmail(email)).digest('base64url'),
};

/** How every account compares addresses (the deciders store them so too). */
export const normalEmail = (email: string) => email.trim().toLowerCase();

function hashCode(code: string): string {
  return createHash('sha256').update(code.trim()).digest('base64url');
}
