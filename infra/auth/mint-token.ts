import { SignJWT } from 'jose';
import type { Role } from './actor.ts';
import { parseTtl } from './token-ttl.ts';

export interface MintTokenOptions {
  /** The HS256 shared secret (`AUTH_JWT_SECRET`); the verifier must hold the same one. */
  secret: string;
  /** Actor id: becomes `sub`. */
  subject: string;
  role: Role;
  /** The account's roles (`roles` claim), built-in and custom; without it `role` grants its set. */
  roles?: readonly string[];
  /** Lifetime such as `8h` (see `parseTtl`). Default 8h: a working day, then mint another. */
  ttl?: string;
  issuer?: string | undefined;
  audience?: string | undefined;
  now?: Date;
  /**
   * When a second factor was passed, epoch seconds (`amr_at`, as login's tokens carry it): for
   * refunds and role changes under `QM_STEP_UP_MINUTES`. Whoever holds the secret can claim it, as
   * they can claim any role.
   */
  secondFactorAt?: number;
}

/**
 * Signs an HS256 token for `subject` with `role`, the shape `createJwtVerifier` accepts. Meant for
 * local use and tests (`qm token`); deployments with an identity provider mint theirs there.
 */
export async function mintToken(options: MintTokenOptions): Promise<string> {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  let jwt = new SignJWT({
    role: options.role,
    ...(options.roles ? { roles: [...options.roles] } : {}),
    ...(options.secondFactorAt === undefined ? {} : { amr_at: options.secondFactorAt }),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + parseTtl(options.ttl ?? '8h'));
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(options.secret));
}
