import { DomainError } from '../errors.ts';

/**
 * The refresh token is unknown, expired, or its session ended: one answer for all, so a client learns
 * nothing it could probe. Reuse of a rotated token is not this error: it is recorded (and revokes the
 * session) before the refusal.
 */
export class RefreshRefused extends DomainError<{ sessionId: string }> {
  override readonly name = 'RefreshRefused';
  readonly code = 'refresh_refused';
  readonly kind = 'rule';
  constructor(sessionId: string) {
    super('The refresh token is not valid; log in again', { sessionId });
  }
}

export class SessionNotFound extends DomainError<{ sessionId: string }> {
  override readonly name = 'SessionNotFound';
  readonly code = 'session_not_found';
  readonly kind = 'not_found';
  constructor(sessionId: string) {
    super(`Session ${sessionId} does not exist`, { sessionId });
  }
}
