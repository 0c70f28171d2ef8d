import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { SessionTokens } from '../../ports/session-tokens.ts';
import type { SigningKeys } from './signing-keys.ts';

/** The `iss` of tokens this server signs; the local verifier requires it. */
export const LOCAL_ISSUER = 'quartermaster';
/** Audience of the login challenge: no API accepts it as an access token. */
const CHALLENGE_AUDIENCE = 'quartermaster:login-challenge';
const CHALLENGE_SECONDS = 300;

/**
 * Access tokens (EdDSA, the current signing key, `kid` in the header) with `sub`, `role`, `roles`,
 * `sid`, `amr_at` (the last second factor, seconds) and `scope: "2fa-enrol"` for an account that
 * must enrol first; refresh tokens `{sessionId}.{32 random bytes}`, stored as SHA-256 (high
 * entropy: a slow hash adds nothing); login challenges, signed, 5 minutes, for the second step.
 */
export function sessionTokens(options: {
  keys: SigningKeys;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  now?: () => number;
}): SessionTokens {
  const nowSeconds = () => Math.floor((options.now?.() ?? Date.now()) / 1000);
  const sign = async (
    claims: Record<string, unknown>,
    subject: string,
    lifetime: number,
    audience?: string,
  ) => {
    const { kid, privateKey } = await options.keys.current();
    const issuedAt = nowSeconds();
    let jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid })
      .setIssuer(LOCAL_ISSUER)
      .setSubject(subject)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + lifetime);
    if (audience) jwt = jwt.setAudience(audience);
    return jwt.sign(privateKey);
  };
  const hash = (secret: string) => createHash('sha256').update(secret).digest('base64url');
  return {
    refreshLifetimeSeconds: options.refreshTtlSeconds,
    async issueAccess(claims) {
      const token = await sign(
        {
          role: claims.role,
          roles: [...claims.roles],
          sid: claims.sessionId,
          ...(claims.secondFactorAt === null ? {} : { amr_at: claims.secondFactorAt }),
          ...(claims.enrolOnly ? { scope: '2fa-enrol' } : {}),
        },
        claims.accountId,
        options.accessTtlSeconds,
      );
      return { token, expiresIn: options.accessTtlSeconds };
    },
    newRefreshToken(sessionId) {
      const secret = randomBytes(32).toString('base64url');
      return { token: `${sessionId}.${secret}`, hash: hash(secret) };
    },
    readRefreshToken(token) {
      const match = /^([\w-]{1,64})\.([\w-]{43})$/.exec(token);
      return match ? { sessionId: match[1]!, hash: hash(match[2]!) } : null;
    },
    issueChallenge: (accountId, kind) => sign({ kind }, accountId, CHALLENGE_SECONDS, CHALLENGE_AUDIENCE),
    async readChallenge(token) {
      try {
        const { payload } = await jwtVerify(
          token,
          async (header) => {
            const key = header.kid ? await options.keys.publicKey(header.kid) : null;
            if (!key) throw new Error('unknown key');
            return key;
          },
          {
            algorithms: ['EdDSA'],
            issuer: LOCAL_ISSUER,
            audience: CHALLENGE_AUDIENCE,
            currentDate: new Date(nowSeconds() * 1000),
          },
        );
        const kind = payload.kind === 'staff' ? 'staff' : payload.kind === 'customer' ? 'customer' : null;
        return kind && payload.sub ? { accountId: payload.sub, kind } : null;
      } catch {
        return null;
      }
    },
  };
}
