import type { Context } from 'hono';

/** The request an `Idempotency-Key` names, as the idempotency middleware saw it. */
export interface IdempotentRequest {
  /** The actor id the key belongs to (empty for anonymous callers). */
  scope: string;
  /** The key as parsed (quotes of the draft's form removed). */
  key: string;
  /** What makes a retry "the same request" (see `requestFingerprint`). */
  fingerprint: string;
  /** An earlier run of this request died mid-request (its claim lapsed): it may have appended. */
  resumed: boolean;
}

/** The context variable the idempotency middleware sets for the handlers behind it. */
export interface IdempotencyEnv {
  Variables: { idempotentRequest?: IdempotentRequest };
}

/** The request's key and fingerprint, when it came with an `Idempotency-Key`. */
export function idempotentRequest(c: Context): IdempotentRequest | undefined {
  return (c as unknown as Context<IdempotencyEnv>).get('idempotentRequest');
}
