/** A response as recorded for replay. */
export interface StoredResponse {
  status: number;
  /** Only the headers worth replaying (see `replayableHeaders`), lower-case names. */
  headers: [name: string, value: string][];
  body: Uint8Array;
}

/** Proof of holding a key: only its holder may complete or release it. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  /** Random per claim, so a holder that lost its claim (it timed out) cannot touch its successor's. */
  token: string;
}

export type ClaimOutcome =
  /** The key was free: run the request, then `complete` or `release`. */
  | { outcome: 'claimed'; claim: IdempotencyClaim }
  /** Another request holds the key and has not finished. */
  | { outcome: 'in_flight'; fingerprint: string }
  /** A request with this key finished: replay its response if the fingerprint matches. */
  | { outcome: 'completed'; fingerprint: string; response: StoredResponse };

/**
 * Where idempotency keys and their responses live. `claim` must be atomic: of two concurrent claims
 * of one key exactly one gets `claimed`. Keys are per `scope` (the actor), so two callers cannot
 * collide on, or read each other's responses through, the same key.
 */
export interface IdempotencyStore {
  claim(request: { scope: string; key: string; fingerprint: string }): Promise<ClaimOutcome>;
  /** Records the response of a claimed request, to be replayed until the key expires. */
  complete(claim: IdempotencyClaim, response: StoredResponse): Promise<void>;
  /** Frees the key without recording anything, so the client may retry (5xx, crash in handler). */
  release(claim: IdempotencyClaim): Promise<void>;
}

/** How long keys live: how long a client can retry and get the same answer. */
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * How long an unfinished claim blocks its key. A process that died mid-request never releases its
 * claim; after this the key can be claimed again. Far above any sane command's duration, since a
 * second run of a request that was merely slow would apply it twice.
 */
export const DEFAULT_IDEMPOTENCY_LOCK_MS = 5 * 60 * 1000;
