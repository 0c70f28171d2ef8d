/** A response as recorded for replay. */
export interface StoredResponse {
  status: number;
  /** Only the headers worth replaying (see `replayableHeaders`), lower-case names. */
  headers: [name: string, value: string][];
  body: Uint8Array;
}

/** Proof of holding a key: only its holder may renew, complete or release it. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  /** Random per claim, so a holder that lost its claim (it timed out) cannot touch its successor's. */
  token: string;
}

export type ClaimOutcome =
  /**
   * The key was free: run the request (renewing the claim while it runs), then `complete` or
   * `release`. `resumed` when this took over a lapsed claim of the same request: its holder died
   * mid-request, after appending or not, so the handler must look for what it appended.
   */
  | { outcome: 'claimed'; claim: IdempotencyClaim; resumed: boolean }
  /**
   * Another request holds the key and has not finished. `retryAfterMs` is when a retry can expect
   * an answer: soon while the holder keeps renewing its claim, else when the abandoned claim lapses.
   */
  | { outcome: 'in_flight'; fingerprint: string; retryAfterMs: number }
  /** A request with this key finished: replay its response if the fingerprint matches. */
  | { outcome: 'completed'; fingerprint: string; response: StoredResponse };

/**
 * Where idempotency keys and their responses live. `claim` must be atomic: of two concurrent claims
 * of one key exactly one gets `claimed`. Keys are per `scope` (the actor), so two callers cannot
 * collide on, or read each other's responses through, the same key.
 *
 * An unfinished claim lapses `lockMs` after its holder last renewed it, and only a request with the
 * same fingerprint may then take it over: the lapsed holder may have appended events, and a
 * different request under the same key is still a reuse of the key.
 */
export interface IdempotencyStore {
  claim(request: { scope: string; key: string; fingerprint: string }): Promise<ClaimOutcome>;
  /** Keeps a running request's claim alive; its holder calls it every `renewEveryMs(lockMs)`. */
  renew(claim: IdempotencyClaim): Promise<void>;
  /** Records the response of a claimed request, to be replayed until the key expires. */
  complete(claim: IdempotencyClaim, response: StoredResponse): Promise<void>;
  /** Frees the key without recording anything, so the client may retry (5xx, crash in handler). */
  release(claim: IdempotencyClaim): Promise<void>;
  /** How long an unrenewed claim blocks its key. */
  readonly lockMs: number;
  /**
   * GDPR erasure: drops the recorded answers that mention any of `values` (an erased customer's
   * order ids: a placement's answer holds the order and its address). Returns how many.
   */
  forgetAnswersMentioning?(values: readonly string[]): Promise<number>;
}

/** How long keys live: how long a client can retry and get the same answer. */
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * How long an unfinished claim blocks its key after its holder last renewed it. Holders renew while
 * they run, so this bounds how long a crashed process's claim keeps answering 409, not how long a
 * request may take. A lapsed claim whose holder was merely stalled is safe too: the retry that takes
 * it over finds the events the first run appended (they carry the key) instead of appending again.
 */
export const DEFAULT_IDEMPOTENCY_LOCK_MS = 10_000;

/** How often a holder renews its claim: four times per lock period, so one late renewal is no lapse. */
export const renewEveryMs = (lockMs: number) => Math.max(10, Math.floor(lockMs / 4));

/**
 * When a retry of an in-flight key can expect an answer. A claim renewed within the last two renewal
 * periods has a live holder: ask again in a second. Otherwise its holder is gone (crashed, killed)
 * and the key frees when the claim lapses: say so, rather than "1 second" for the whole lock time.
 */
export function retryAfterMs(lockedUntil: number, now: number, lockMs: number): number {
  const remaining = Math.max(0, lockedUntil - now);
  const sinceRenewal = lockMs - remaining;
  return sinceRenewal <= 2 * renewEveryMs(lockMs) ? Math.min(1000, remaining) : remaining;
}
