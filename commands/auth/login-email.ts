import { createHash } from 'node:crypto';

/** The normalised email (trimmed, lower case): what sign-up claims and login looks up. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** SHA-256 of the normalised email, base64url: names the `login-email-{hash}` claim stream. */
export function emailHash(email: string): string {
  return createHash('sha256').update(normaliseEmail(email)).digest('base64url');
}
