import { createMiddleware } from 'hono/factory';
import type { Actor } from '../../infra/auth/actor.ts';
import { IdempotencyKeyInFlight, IdempotencyKeyInvalid, IdempotencyKeyReused } from './idempotency-errors.ts';
import { parseIdempotencyKey } from './idempotency-key.ts';
import type { IdempotencyEnv } from './idempotent-request.ts';
import { renewEveryMs, type IdempotencyClaim, type IdempotencyStore } from './idempotency-store.ts';
import { replayResponse, takeForRecord } from './replayable-response.ts';
import { requestFingerprint } from './request-fingerprint.ts';

export interface IdempotencyOptions {
  store: IdempotencyStore;
  /** Methods that must carry a key (400 without). Default: POST, as every POST must. */
  requiredFor?: readonly string[];
  /** Methods whose key is honoured when present. Default: POST, PUT, PATCH, DELETE. */
  methods?: readonly string[];
  /**
   * Which answers are recorded and replayed. Default: every status below 500 but 401 and 403. A 5xx is never a
   * final answer (the client should retry and get a real one), so it frees the key instead.
   */
  record?: (status: number) => boolean;
}

/**
 * Every answer below 500 but 401 and 403: those say who may act, not what was done (nothing was
 * appended), and can change before a retry, e.g. a second factor passed after `step-up-required`,
 * so a retry with the same key must be asked again rather than replay the refusal.
 */
const recordedByDefault = (status: number) => status < 500 && status !== 401 && status !== 403;

/**
 * `Idempotency-Key` handling, mounted after `authenticate` (keys are per actor). For a request
 * with a key:
 * - first time: the key is claimed atomically, the handler runs, its answer is recorded;
 * - same key, same request (method, path, actor, `If-Match`, body): the recorded status, headers
 *   and body come back with `Idempotent-Replayed: true`, and the handler does not run: nothing is
 *   appended again;
 * - same key, different request: 422; same key while the first is still running: 409, with a
 *   `Retry-After` that says when the answer can be expected.
 *
 * The claim is renewed while the handler runs, so a crashed process's claim lapses within the
 * store's lock time, and the retry then runs the handler again, told that it resumes a dead run
 * (`idempotentRequest(c)`). Handlers that append make that safe: the key goes into their events'
 * metadata, and a retry finds the events of its first run instead of appending again (a placement
 * answers the order it placed).
 *
 * A 5xx answer, or an error no `onError` turned into an answer, frees the key so a retry runs.
 */
export function idempotency(options: IdempotencyOptions) {
  const { store } = options;
  const required = new Set(options.requiredFor ?? ['POST']);
  const methods = new Set(options.methods ?? ['POST', 'PUT', 'PATCH', 'DELETE']);
  const record = options.record ?? recordedByDefault;

  return createMiddleware<{ Variables: { actor?: Actor } & IdempotencyEnv['Variables'] }>(async (c, next) => {
    const method = c.req.method;
    if (!methods.has(method) && !required.has(method)) return next();
    const header = c.req.header('idempotency-key');
    if (header === undefined) {
      if (required.has(method)) {
        throw new IdempotencyKeyInvalid(`A ${method} request needs an Idempotency-Key header (e.g. a UUID).`);
      }
      return next();
    }
    const key = parseIdempotencyKey(header);
    // Anonymous callers share the empty scope; verified actor ids are never empty.
    const scope = c.var.actor?.id ?? '';
    const url = new URL(c.req.url);
    const fingerprint = requestFingerprint({
      method,
      target: url.pathname + url.search,
      actor: scope,
      ifMatch: c.req.header('if-match'),
      contentType: c.req.header('content-type'),
      // Hono caches the body, so validators and the handler can still read it afterwards.
      body: new Uint8Array(await c.req.arrayBuffer()),
    });

    const claimed = await store.claim({ scope, key, fingerprint });
    if (claimed.outcome !== 'claimed') {
      if (claimed.fingerprint !== fingerprint) throw new IdempotencyKeyReused(key);
      if (claimed.outcome === 'in_flight')
        throw new IdempotencyKeyInFlight(key, Math.max(1, Math.ceil(claimed.retryAfterMs / 1000)));
      return replayResponse(claimed.response);
    }
    c.set('idempotentRequest', { scope, key, fingerprint, resumed: claimed.resumed });
    await runClaimed(claimed.claim, next);
    if (!record(c.res.status)) {
      await store.release(claimed.claim);
      return;
    }
    // If recording fails the claim stays until it times out: refusing retries until then is safer
    // than letting one run the command a second time.
    const { send, stored } = await takeForRecord(c.res);
    c.res = undefined;
    c.res = send;
    await store.complete(claimed.claim, stored);
  });

  async function runClaimed(claim: IdempotencyClaim, next: () => Promise<void>): Promise<void> {
    // A failed renewal is no reason to fail the request: at worst the claim lapses and a retry
    // finds this run's events.
    const renewal = setInterval(
      () => void store.renew(claim).catch(() => undefined),
      renewEveryMs(store.lockMs),
    );
    renewal.unref();
    try {
      await next();
    } catch (error) {
      // The error is what the caller needs to see; a failed release only delays a retry.
      await store.release(claim).catch(() => undefined);
      throw error;
    } finally {
      clearInterval(renewal);
    }
  }
}
