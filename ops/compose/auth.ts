import { Redis } from 'ioredis';
import { authHandlers } from '../../commands/auth/auth-handlers.ts';
import { eventSourcedLoginAccounts, type StaffAccounts } from '../../commands/auth/login-accounts.ts';
import type { CommandRuntime } from '../../commands/runtime/command-runtime.ts';
import { accountSecrets } from '../../infra/auth/account-secrets.ts';
import {
  memoryRevocations,
  redisRevocations,
  type RevocationList,
} from '../../infra/auth/session-revocations.ts';
import { sessionTokens } from '../../infra/auth/session-tokens.ts';
import { openSigningKeys, type SigningKeys } from '../../infra/auth/signing-keys.ts';
import { otpauthTotp } from '../../infra/auth/totp.ts';
import type { Config } from '../../infra/config/config.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';

export type AuthConfig = Pick<
  Config,
  | 'REDIS_URL'
  | 'AUTH_JWT_SECRET'
  | 'QM_ACCESS_TOKEN_TTL_SECONDS'
  | 'QM_REFRESH_TOKEN_TTL_SECONDS'
  | 'QM_REQUIRE_2FA_ROLES'
  | 'QM_SIGNING_KEY_SECRET'
  | 'QM_SIGNING_KEY_ROTATION_DAYS'
>;

export interface OpenedAuth {
  keys: SigningKeys;
  revocations: RevocationList;
  handlers(runtime: CommandRuntime, staff?: StaffAccounts): ReturnType<typeof authHandlers>;
  close(): Promise<void>;
}

/**
 * How long a replaced signing key keeps verifying: longer than any access token or login challenge
 * lives, so no token it signed is refused before it expires.
 */
export const signingKeyOverlapMs = (config: Pick<AuthConfig, 'QM_ACCESS_TOKEN_TTL_SECONDS'>): number =>
  (config.QM_ACCESS_TOKEN_TTL_SECONDS + 3_600) * 1000;

/** The signing keys in `database`, sealed with `QM_SIGNING_KEY_SECRET` (else `AUTH_JWT_SECRET`). */
export function signingKeysFromConfig(config: AuthConfig, database: SqlClient, log: Logger): SigningKeys {
  const encryptionSecret = config.QM_SIGNING_KEY_SECRET ?? config.AUTH_JWT_SECRET;
  if (!encryptionSecret) {
    log.warn(
      'No QM_SIGNING_KEY_SECRET or AUTH_JWT_SECRET: signing keys are stored unencrypted (table grants only)',
    );
  }
  return openSigningKeys({
    sql: database,
    encryptionSecret,
    rotateAfterMs: config.QM_SIGNING_KEY_ROTATION_DAYS * 86_400_000,
    overlapMs: signingKeyOverlapMs(config),
  });
}

/**
 * Login and sessions, wired from configuration: the signing keys in the database (PGlite's, inside
 * the data root, when embedded), the revocation list over Redis pub/sub when `REDIS_URL` is set
 * (memory otherwise: one process), TOTP through otpauth.
 */
export async function openAuth(config: AuthConfig, database: SqlClient, log: Logger): Promise<OpenedAuth> {
  const keys = signingKeysFromConfig(config, database, log);
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 }) : undefined;
  redis?.on('error', (error: Error) => log.warn({ err: error }, 'session revocations: Redis error'));
  const revocations = redis ? await redisRevocations({ redis, log }) : memoryRevocations();
  const tokens = sessionTokens({
    keys,
    accessTtlSeconds: config.QM_ACCESS_TOKEN_TTL_SECONDS,
    refreshTtlSeconds: config.QM_REFRESH_TOKEN_TTL_SECONDS,
  });
  const totp = otpauthTotp({ issuer: 'Quartermaster' });
  return {
    keys,
    revocations,
    handlers: (runtime, staff) =>
      authHandlers({
        runtime,
        accounts: eventSourcedLoginAccounts(runtime, staff),
        secrets: accountSecrets,
        tokens,
        totp,
        revocations,
        settings: {
          requireSecondFactorRoles: config.QM_REQUIRE_2FA_ROLES,
          accessTtlSeconds: config.QM_ACCESS_TOKEN_TTL_SECONDS,
          totpIssuer: 'Quartermaster',
        },
      }),
    async close() {
      await revocations.close();
      redis?.disconnect();
    },
  };
}
