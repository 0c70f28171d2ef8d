import type { Migration } from '../../infra/sql/migrate.ts';

/**
 * The Ed25519 keys that sign the access tokens this server issues at login
 * (`infra/auth/signing-keys.ts`). One row per key: its public JWK (served at
 * `/.well-known/jwks.json`), its private key (PKCS#8, AES-256-GCM encrypted when a key-encryption
 * secret is configured), and `retire_at`: null for the key that signs now, else when it stops
 * verifying (the overlap window, long enough for every token it signed to expire).
 *
 * Revoking the table's access for other database roles keeps the private keys to the server's
 * own role even where no encryption secret is set.
 */
export const authSigningKeys: Migration = {
  id: '0011-auth-signing-keys',
  up: `
    create table qm_auth_signing_keys (
      kid text primary key,
      public_jwk jsonb not null,
      private_key text not null,
      created_at timestamptz not null default now(),
      retire_at timestamptz
    );
    revoke all on qm_auth_signing_keys from public;
  `,
};
