import { HttpProblem } from '../../infra/http/problem.ts';

/** 400: a request that must carry an `Idempotency-Key` came without one, or with a malformed one. */
export class IdempotencyKeyInvalid extends HttpProblem {
  override name = 'IdempotencyKeyInvalid';
  constructor(detail: string) {
    super({
      status: 400,
      code: 'idempotency_key_invalid',
      title: 'Idempotency-Key header missing or invalid',
      detail,
      extensions: { header: 'Idempotency-Key' },
    });
  }
}

/** 422: the key was used before for a different request (method, path or body). */
export class IdempotencyKeyReused extends HttpProblem {
  override name = 'IdempotencyKeyReused';
  constructor(key: string) {
    super({
      status: 422,
      code: 'idempotency_key_reused',
      title: 'Idempotency-Key reused for a different request',
      detail: `The Idempotency-Key "${key}" was already used with a different request; use a new key for a new request.`,
      extensions: { header: 'Idempotency-Key', key },
    });
  }
}

/**
 * 409: the first request with this key is still running, or its process died and its claim has not
 * lapsed yet; retrying after `retryAfterSeconds` gets its answer.
 */
export class IdempotencyKeyInFlight extends HttpProblem {
  override name = 'IdempotencyKeyInFlight';
  constructor(key: string, retryAfterSeconds: number) {
    super({
      status: 409,
      code: 'idempotency_key_in_flight',
      title: 'Request with this Idempotency-Key in progress',
      detail: `A request with the Idempotency-Key "${key}" is still being processed; retry in ${retryAfterSeconds} s.`,
      extensions: { header: 'Idempotency-Key', key, retryAfterSeconds },
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }
}
