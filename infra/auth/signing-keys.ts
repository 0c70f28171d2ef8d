import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
  type KeyObject,
} from 'node:crypto';
import type { JWK } from 'jose';
import type { JsonWebKey } from 'node:crypto';
import type { SqlExecutor } from '../sql/sql-client.ts';

/**
 * The Ed25519 keys this server signs access tokens with, kept in `qm_auth_signing_keys` (the
 * PostgreSQL database in server mode; PGlite's, inside the data root, when embedded), so every API
 * process signs and verifies with the same keys.
 *
 * Rotation: a new key signs from the moment it is made; the keys it replaces keep verifying for
 * `overlapMs` (longer than any access token lives), then are dropped. A key older than
 * `rotateAfterMs` is rotated when the keys are next loaded; `rotate()` does it at once
 * (`qm auth rotate-keys`). Each process reloads every `reloadMs`, and at once (at most every 5 s)
 * when a token names a key it does not hold, so a key made by another process verifies at once.
 *
 * At rest the private key is encrypted with AES-256-GCM under a key derived from
 * `encryptionSecret` (`QM_SIGNING_KEY_SECRET`, else `AUTH_JWT_SECRET`); without either it is stored
 * as PKCS#8 and only the table's grants protect it (the migration revokes it from `public`).
 */
export interface SigningKeysOptions {
  sql: SqlExecutor;
  encryptionSecret?: string | undefined;
  rotateAfterMs?: number;
  overlapMs: number;
  reloadMs?: number;
  now?: () => number;
}

export interface SigningKeys {
  /** The key that signs now. */
  current(): Promise<{ kid: string; privateKey: KeyObject }>;
  /** A key that may verify (current or within its overlap), by id; null when unknown or retired. */
  publicKey(kid: string): Promise<KeyObject | null>;
  /** The public keys that verify now, for `/.well-known/jwks.json`. */
  jwks(): Promise<{ keys: JWK[] }>;
  /** Makes a new current key; the others retire after the overlap. Returns its id. */
  rotate(): Promise<string>;
}

interface Loaded {
  kid: string;
  jwk: JWK;
  publicKey: KeyObject;
  privateKey: () => KeyObject;
  createdAt: number;
  retireAt: number | null;
}

type Row = {
  kid: string;
  public_jwk: JWK;
  private_key: string;
  created_at: Date | string;
  retire_at: Date | string | null;
};

export const DEFAULT_KEY_ROTATION_MS = 30 * 86_400_000;

export function openSigningKeys(options: SigningKeysOptions): SigningKeys {
  const now = options.now ?? Date.now;
  const reloadMs = options.reloadMs ?? 60_000;
  const rotateAfterMs = options.rotateAfterMs ?? DEFAULT_KEY_ROTATION_MS;
  const kek = options.encryptionSecret
    ? createHash('sha256').update(`qm-signing-keys:${options.encryptionSecret}`).digest()
    : null;
  let keys: Promise<Loaded[]> | null = null;
  let loadedAt = 0;
  let lastMissReload = 0;

  const seal = (pkcs8: Buffer): string => {
    if (!kek) return `plain:${pkcs8.toString('base64')}`;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    const body = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
    return `aesgcm:${[iv, cipher.getAuthTag(), body].map((part) => part.toString('base64')).join('.')}`;
  };
  const open = (stored: string): KeyObject => {
    const [scheme, rest = ''] = stored.split(':', 2) as [string, string?];
    let der: Buffer;
    if (scheme === 'plain') der = Buffer.from(rest, 'base64');
    else {
      if (!kek)
        throw new Error(
          'The signing keys are encrypted: set QM_SIGNING_KEY_SECRET (or AUTH_JWT_SECRET) as when they were made',
        );
      const [iv, tag, body] = rest.split('.').map((part) => Buffer.from(part, 'base64'));
      const decipher = createDecipheriv('aes-256-gcm', kek, iv!);
      decipher.setAuthTag(tag!);
      der = Buffer.concat([decipher.update(body!), decipher.final()]);
    }
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  };

  async function insertKey(onlyIfNone: boolean): Promise<string> {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const kid = randomUUID();
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'EdDSA', use: 'sig' };
    const sealed = seal(privateKey.export({ format: 'der', type: 'pkcs8' }));
    const at = new Date(now()).toISOString();
    await options.sql.query(
      `insert into qm_auth_signing_keys (kid, public_jwk, private_key, created_at)
       select $1, $2::jsonb, $3, $4 ${onlyIfNone ? 'where not exists (select 1 from qm_auth_signing_keys where retire_at is null)' : ''}`,
      [kid, JSON.stringify(jwk), sealed, at],
    );
    return kid;
  }

  async function retireAllBut(kid: string): Promise<void> {
    await options.sql.query(
      `update qm_auth_signing_keys set retire_at = $2 where retire_at is null and kid <> $1`,
      [kid, new Date(now() + options.overlapMs).toISOString()],
    );
    // Keys past their overlap verify nothing any more.
    await options.sql.query(`delete from qm_auth_signing_keys where retire_at < $1`, [
      new Date(now()).toISOString(),
    ]);
  }

  async function load(): Promise<Loaded[]> {
    let rows = await options.sql.query<Row>(
      `select kid, public_jwk, private_key, created_at, retire_at from qm_auth_signing_keys order by created_at desc`,
    );
    const active = rows.find((row) => row.retire_at === null);
    if (!active) await insertKey(true);
    else if (now() - new Date(active.created_at).getTime() > rotateAfterMs) await rotate();
    if (!active || now() - new Date(active.created_at).getTime() > rotateAfterMs) {
      rows = await options.sql.query<Row>(
        `select kid, public_jwk, private_key, created_at, retire_at from qm_auth_signing_keys order by created_at desc`,
      );
    }
    return rows.map((row) => {
      let privateKey: KeyObject | undefined;
      const jwk = typeof row.public_jwk === 'string' ? (JSON.parse(row.public_jwk) as JWK) : row.public_jwk;
      return {
        kid: row.kid,
        jwk,
        publicKey: createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }),
        privateKey: () => (privateKey ??= open(row.private_key)),
        createdAt: new Date(row.created_at).getTime(),
        retireAt: row.retire_at === null ? null : new Date(row.retire_at).getTime(),
      };
    });
  }

  const loaded = (force = false): Promise<Loaded[]> => {
    if (!keys || force || now() - loadedAt > reloadMs) {
      loadedAt = now();
      const next = load();
      next.catch(() => {
        if (keys === next) keys = null;
      });
      keys = next;
    }
    return keys;
  };
  const usable = (key: Loaded) => key.retireAt === null || key.retireAt > now();

  async function rotate(): Promise<string> {
    const kid = await insertKey(false);
    await retireAllBut(kid);
    return kid;
  }

  return {
    async current() {
      const all = await loaded();
      const key = all.find((candidate) => candidate.retireAt === null) ?? all[0];
      if (!key) throw new Error('No signing key');
      return { kid: key.kid, privateKey: key.privateKey() };
    },
    async publicKey(kid) {
      let key = (await loaded()).find((candidate) => candidate.kid === kid);
      if (!key && now() - lastMissReload > 5_000) {
        lastMissReload = now();
        key = (await loaded(true)).find((candidate) => candidate.kid === kid);
      }
      return key && usable(key) ? key.publicKey : null;
    },
    async jwks() {
      return { keys: (await loaded()).filter(usable).map((key) => key.jwk) };
    },
    async rotate() {
      const kid = await rotate();
      await loaded(true);
      return kid;
    },
  };
}
