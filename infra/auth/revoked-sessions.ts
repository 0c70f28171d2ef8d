import type { TokenVerifier } from './actor.ts';
import { Unauthenticated } from './auth-errors.ts';
import type { RevocationList } from './session-revocations.ts';

/**
 * A verifier that refuses tokens of revoked sessions (their `sid` on the revocation list), checked
 * on every request, after the verified-token cache: a revocation counts from the moment this
 * process hears of it, not when the token expires.
 */
export function withRevocations(
  verify: TokenVerifier,
  revoked: Pick<RevocationList, 'isRevoked'>,
): TokenVerifier {
  return async (token) => {
    const actor = await verify(token);
    if (actor.sessionId !== undefined && revoked.isRevoked(actor.sessionId)) {
      throw new Unauthenticated('invalid', 'The session was revoked; log in again.');
    }
    return actor;
  };
}
