import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyOptions,
} from 'jose';
import { LOCAL_ISSUER } from './session-tokens.ts';
import type { SigningKeys } from './signing-keys.ts';
import { createVerifiedTokens } from './verified-tokens.ts';
import { HttpProblem } from '../http/problem.ts';
import { isRole, type Actor, type TokenVerifier } from './actor.ts';
import { Unauthenticated } from './auth-errors.ts';

/** A `TokenVerifier` checking JWTs (jose): by shared secret or an identity provider's key set. */
export type JwtVerifier = TokenVerifier;

export interface JwtVerifierOptions {
  /** HS256 shared secret (`AUTH_JWT_SECRET`). Give this or `jwksUrl`, not both. */
  secret?: string | undefined;
  /** An identity provider's key set (`AUTH_JWKS_URL`); fetched on demand and cached by jose. */
  jwksUrl?: string | URL | undefined;
  /**
   * This server's own signing keys: EdDSA tokens it issued at login (`iss` quartermaster, a `kid`
   * it holds) verify against them, whatever else is configured; other tokens go to `secret` or
   * `jwksUrl` when given, else are refused.
   */
  localKeys?: SigningKeys | undefined;
  /** Required `iss` when set. */
  issuer?: string | undefined;
  /** Required `aud` when set. */
  audience?: string | undefined;
  /**
   * The longest lifetime accepted, in seconds (`AUTH_MAX_TOKEN_LIFETIME_SECONDS`): `exp - iat` and
   * `exp - now` may not exceed it. Default 24 hours. Tokens without `exp` are always refused.
   */
  maxLifetimeSeconds?: number;
  /** Clock skew tolerated on `exp`/`nbf`, in seconds. Default 5. */
  clockToleranceSeconds?: number;
  /** The verifier's clock; tests move it. */
  now?: () => Date;
  /** Tokens whose verification is remembered until they expire (see verified-tokens.ts). Default 10,000. */
  rememberTokens?: number;
}

// Asymmetric algorithms only for a key set: an HMAC algorithm there would let anyone who can read
// the public keys sign tokens with them.
const jwksAlgorithms = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/** `AUTH_MAX_TOKEN_LIFETIME_SECONDS`' default: a day. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 86_400;

/**
 * A verifier for tokens signed with the shared secret (HS256 only) or by a JWKS's keys. A token is
 * accepted when its signature, `exp`/`nbf`, and the configured `iss`/`aud` hold, it expires within
 * the maximum lifetime, its `sub` names the actor and its `role` claim is customer, staff or admin.
 *
 * Failures the client can fix answer 401; a key set that cannot be fetched answers 503, since
 * refusing a valid token as "invalid" would send the client after the wrong cause.
 */
export function createJwtVerifier(options: JwtVerifierOptions): JwtVerifier {
  if (options.secret && options.jwksUrl)
    throw new Error('createJwtVerifier needs exactly one of secret or jwksUrl, not both');
  if (!options.secret && !options.jwksUrl && !options.localKeys) {
    throw new Error('createJwtVerifier needs exactly one of secret or jwksUrl (or localKeys alone)');
  }
  const claimChecks = (): JWTVerifyOptions => ({
    ...(options.issuer ? { issuer: options.issuer } : {}),
    ...(options.audience ? { audience: options.audience } : {}),
    clockTolerance: options.clockToleranceSeconds ?? 5,
    ...(options.now ? { currentDate: options.now() } : {}),
  });
  const configured = options.secret
    ? withSecret(options.secret, claimChecks)
    : options.jwksUrl
      ? withKeySet(new URL(options.jwksUrl), claimChecks)
      : null;
  const local = options.localKeys ? withLocalKeys(options.localKeys, claimChecks) : null;
  const verify = async (token: string) => {
    if (local && (await signedHere(options.localKeys!, token))) return local(token);
    if (configured) return configured(token);
    throw new errors.JWSSignatureVerificationFailed('The token is not signed by this server.');
  };

  const now = () => (options.now?.() ?? new Date()).getTime();
  const verified = createVerifiedTokens(options.rememberTokens ?? 10_000);

  return async (token) => {
    const known = verified.get(token, now());
    if (known) return known;
    let payload;
    try {
      ({ payload } = await verify(token));
    } catch (error) {
      throw refusal(error);
    }
    checkLifetime(payload, options);
    if (typeof payload.sub !== 'string' || payload.sub === '') {
      throw new Unauthenticated('invalid', 'The token has no subject (sub).');
    }
    if (!isRole(payload.role)) {
      throw new Unauthenticated('invalid', 'The token has no valid role claim (customer, staff or admin).');
    }
    const actor: Actor = { id: payload.sub, role: payload.role, ...accountClaims(payload) };
    // checkLifetime made sure of exp; remembered until then, never beyond it.
    verified.remember(token, actor, payload.exp! * 1000);
    return actor;
  };
}

/**
 * Claims of tokens this server mints at login (`roles`, `sid`, `amr_at`); absent from `qm token`'s
 * and most outside providers' tokens, which then grant their `role`'s built-in permissions.
 */
function accountClaims(
  payload: JWTPayload,
): Pick<Actor, 'roles' | 'sessionId' | 'secondFactorAt' | 'enrolOnly'> {
  const claims: Pick<Actor, 'roles' | 'sessionId' | 'secondFactorAt' | 'enrolOnly'> = {};
  if (payload.roles !== undefined) {
    if (!Array.isArray(payload.roles) || !payload.roles.every((r) => typeof r === 'string' && r !== '')) {
      throw new Unauthenticated('invalid', "The token's roles claim must be a list of role names.");
    }
    claims.roles = payload.roles as string[];
  }
  if (typeof payload.sid === 'string' && payload.sid !== '') claims.sessionId = payload.sid;
  if (typeof payload.amr_at === 'number') claims.secondFactorAt = payload.amr_at;
  // An outside provider's second factor: OpenID Connect's `amr` naming one, at `auth_time`.
  else if (
    Array.isArray(payload.amr) &&
    payload.amr.some((method) => ['mfa', 'otp', 'hwk', 'swk'].includes(method as string)) &&
    typeof payload.auth_time === 'number'
  ) {
    claims.secondFactorAt = payload.auth_time;
  }
  if (payload.scope === '2fa-enrol') claims.enrolOnly = true;
  return claims;
}

/**
 * jose checks `exp` only when present; a token without one, or with one years away, would stay
 * usable for as long as it leaks. Both bounds count: `exp - iat` (what it was issued for) and
 * `exp - now` (what is left, which a missing or back-dated `iat` cannot shorten).
 */
function checkLifetime(payload: JWTPayload, options: JwtVerifierOptions): void {
  if (typeof payload.exp !== 'number') {
    throw new Unauthenticated('invalid', 'The token has no expiry (exp): tokens must expire.');
  }
  const max = options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  const now = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  const tolerance = options.clockToleranceSeconds ?? 5;
  const issued = typeof payload.iat === 'number' ? payload.exp - payload.iat : 0;
  const left = payload.exp - now;
  if (issued > max || left > max + tolerance) {
    throw new Unauthenticated(
      'invalid',
      `The token lives longer (${Math.max(issued, left)} s) than the ${max} s this server accepts (AUTH_MAX_TOKEN_LIFETIME_SECONDS).`,
    );
  }
}

function withSecret(secret: string, claimChecks: () => JWTVerifyOptions) {
  const key = new TextEncoder().encode(secret);
  return (token: string) => jwtVerify(token, key, { ...claimChecks(), algorithms: ['HS256'] });
}

/** A token naming one of this server's keys; an outside provider's EdDSA keys have other ids. */
async function signedHere(keys: SigningKeys, token: string): Promise<boolean> {
  let header;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return false;
  }
  return (
    header.alg === 'EdDSA' && typeof header.kid === 'string' && (await keys.publicKey(header.kid)) !== null
  );
}

function withLocalKeys(keys: SigningKeys, claimChecks: () => JWTVerifyOptions) {
  return (token: string) =>
    jwtVerify(
      token,
      async (header) => {
        const key = header.kid ? await keys.publicKey(header.kid) : null;
        if (!key) throw new errors.JWKSNoMatchingKey();
        return key;
      },
      // Our own issuer, never the outside provider's `AUTH_ISSUER`/`AUTH_AUDIENCE`. A login
      // challenge verifies here too but carries no role, so it is refused as an access token.
      { ...claimChecks(), issuer: LOCAL_ISSUER, audience: undefined, algorithms: ['EdDSA'] },
    );
}

function withKeySet(url: URL, claimChecks: () => JWTVerifyOptions) {
  const keys = createRemoteJWKSet(url);
  return (token: string) => jwtVerify(token, keys, { ...claimChecks(), algorithms: jwksAlgorithms });
}

/** A verifier for when no key is configured: every token is refused, with the reason. */
export function refuseAllTokens(): JwtVerifier {
  return async () => {
    throw new Unauthenticated(
      'unconfigured',
      'Authentication is not configured on this server (set AUTH_JWT_SECRET or AUTH_JWKS_URL).',
    );
  };
}

function refusal(error: unknown): Error {
  if (error instanceof errors.JWTExpired) return new Unauthenticated('expired', 'The token expired.', error);
  if (isKeySourceFailure(error)) {
    return new HttpProblem({
      status: 503,
      code: 'auth_unavailable',
      title: 'Authentication unavailable',
      detail: 'The signing keys could not be fetched; try again shortly.',
      headers: { 'Retry-After': '5' },
      cause: error,
    });
  }
  return new Unauthenticated('invalid', `The token is invalid: ${(error as Error).message}.`, error);
}

/**
 * The key set could not be had: a network error, a timeout, a non-200 answer or a malformed set
 * (jose reports the last two as its generic error). Nothing about the token.
 */
function isKeySourceFailure(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true;
  return (
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    error.code === errors.JOSEError.code
  );
}
