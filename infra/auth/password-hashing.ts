import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashes with scrypt from node:crypto (memory-hard, RFC 7914), no native package needed.
 *
 * Parameters (the defaults, `scryptDefaults`): N = 2^15 (cost), r = 8 (block size), p = 1
 * (parallelism), a 16-byte random salt and a 32-byte key. Memory per hash is 128 · N · r bytes =
 * 32 MiB, which is OWASP's recommended minimum for scrypt (N=2^15, r=8, p=1) and takes tens of
 * milliseconds on a server core. The parameters are stored in each hash, so raising them later
 * leaves old hashes verifiable (`needsRehash` tells a login to upgrade them).
 */
export interface ScryptParameters {
  N: number;
  r: number;
  p: number;
  keyLength: number;
  saltLength: number;
}

export const scryptDefaults: ScryptParameters = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 };

const PREFIX = 'scrypt';

function derive(password: string, salt: Buffer, params: ScryptParameters): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    // Node refuses above 32 MiB by default, exactly our working set: leave room over it.
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFKC'), salt, params.keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$key`, salt and key base64url: everything a later verify needs. */
export async function hashPassword(
  password: string,
  params: ScryptParameters = scryptDefaults,
): Promise<string> {
  const salt = randomBytes(params.saltLength);
  const key = await derive(password, salt, params);
  return [PREFIX, params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

function parse(stored: string): { params: ScryptParameters; salt: Buffer; key: Buffer } | null {
  const [prefix, n, r, p, salt, key] = stored.split('$');
  if (prefix !== PREFIX || !n || !r || !p || !salt || !key) return null;
  const keyBytes = Buffer.from(key, 'base64url');
  const saltBytes = Buffer.from(salt, 'base64url');
  return {
    params: {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      keyLength: keyBytes.length,
      saltLength: saltBytes.length,
    },
    salt: saltBytes,
    key: keyBytes,
  };
}

/** True when `password` matches `stored`; compared in constant time. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** True when `stored` was made with weaker parameters than `params`: rehash it at the next login. */
export function needsRehash(stored: string, params: ScryptParameters = scryptDefaults): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.params.N < params.N || parsed.params.r < params.r || parsed.params.p < params.p;
}

/**
 * A hash of a password nobody has, verified when the account does not exist, so that a login for
 * an unknown email costs the same time as one for a known email (no account enumeration by timing).
 */
export const decoyHash = hashPassword(randomBytes(24).toString('base64url'));
