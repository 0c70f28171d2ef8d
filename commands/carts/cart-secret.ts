import { createHash, randomBytes } from 'node:crypto';

/**
 * A guest cart's secret: 256 random bits, answered once at creation. Only its SHA-256 is stored;
 * a plain hash is enough for a value this long (nothing to search through), and it keeps the
 * secret out of the log and the read models.
 */
export function newCartSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashCartSecret(secret) };
}

export const hashCartSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
