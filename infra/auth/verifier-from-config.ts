import type { Config } from '../config/config.ts';
import type { Logger } from '../logging/logger.ts';
import { withGrants, type RoleCatalog } from './grants.ts';
import { createJwtVerifier, refuseAllTokens, type JwtVerifier } from './jwt-verifier.ts';
import { withRevocations } from './revoked-sessions.ts';
import type { RevocationList } from './session-revocations.ts';
import type { SigningKeys } from './signing-keys.ts';

/**
 * The verifier the configuration asks for: the key set at `AUTH_JWKS_URL`, else the shared secret
 * `AUTH_JWT_SECRET`, with `AUTH_ISSUER`/`AUTH_AUDIENCE` enforced when set and lifetimes bounded by
 * `AUTH_MAX_TOKEN_LIFETIME_SECONDS`.
 *
 * With neither key set (embedded mode out of the box) there is deliberately no development default:
 * a well-known secret would let anyone mint an admin token for any instance left on it. Instead
 * every authenticated request is refused with a 401 that says why, and a warning is logged here
 * once. To work locally, set `AUTH_JWT_SECRET` (32+ characters) and mint tokens with `qm token`.
 */
export function verifierFromConfig(
  config: Pick<Config, 'AUTH_JWT_SECRET' | 'AUTH_JWKS_URL' | 'AUTH_ISSUER' | 'AUTH_AUDIENCE'> &
    Partial<Pick<Config, 'AUTH_MAX_TOKEN_LIFETIME_SECONDS'>>,
  log: Pick<Logger, 'warn'>,
  /** Custom roles (`eventSourcedRoleCatalog`): tokens naming them get their permissions. */
  roles?: RoleCatalog,
  /** This server's login: its signing keys (EdDSA tokens it issued) and the revoked sessions. */
  sessions?: { keys: SigningKeys; revocations: Pick<RevocationList, 'isRevoked'> },
): JwtVerifier {
  let verifier = configuredVerifier(config, log, sessions?.keys);
  if (sessions) verifier = withRevocations(verifier, sessions.revocations);
  return roles ? withGrants(verifier, roles) : verifier;
}

function configuredVerifier(
  config: Parameters<typeof verifierFromConfig>[0],
  log: Pick<Logger, 'warn'>,
  localKeys?: SigningKeys,
): JwtVerifier {
  const claims = {
    ...(localKeys ? { localKeys } : {}),
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    ...(config.AUTH_MAX_TOKEN_LIFETIME_SECONDS === undefined
      ? {}
      : { maxLifetimeSeconds: config.AUTH_MAX_TOKEN_LIFETIME_SECONDS }),
  };
  if (config.AUTH_JWKS_URL) return createJwtVerifier({ jwksUrl: config.AUTH_JWKS_URL, ...claims });
  if (config.AUTH_JWT_SECRET) return createJwtVerifier({ secret: config.AUTH_JWT_SECRET, ...claims });
  if (localKeys) return createJwtVerifier(claims);
  log.warn(
    'No AUTH_JWT_SECRET or AUTH_JWKS_URL: every request that needs a token is refused with 401. ' +
      'Set AUTH_JWT_SECRET (32+ characters) and mint tokens with `qm token --role admin --sub admin-1`.',
  );
  return refuseAllTokens();
}
