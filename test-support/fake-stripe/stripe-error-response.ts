/**
 * Stripe's error answers (`{ error: { type, code, message, param } }`), thrown by the fake's
 * endpoints and written out by the server. The SDK picks its error class from the HTTP status and
 * `type`, so both must match what Stripe sends for the adapter's error mapping to be tested at all.
 */
export interface StripeErrorBody {
  type: 'invalid_request_error' | 'idempotency_error' | 'api_error' | 'card_error';
  message: string;
  code?: string;
  param?: string;
  /** Stripe attaches the PaymentIntent to errors about one. */
  payment_intent?: unknown;
}

export class FakeStripeError extends Error {
  override name = 'FakeStripeError';
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    /**
     * Stripe stores the answer under the idempotency key only once the endpoint ran: a request
     * refused while its parameters were validated can be retried with the same key.
     */
    readonly storedForIdempotency: boolean,
  ) {
    super(body.message);
  }
}

/** A malformed parameter: 400, not stored under the idempotency key. */
export function parameterError(code: string | undefined, param: string, message: string): FakeStripeError {
  return new FakeStripeError(
    400,
    { type: 'invalid_request_error', message, param, ...(code ? { code } : {}) },
    false,
  );
}

/** A well-formed request the current state refuses: 400, stored under the idempotency key. */
export function stateError(
  code: string,
  message: string,
  extra: Pick<StripeErrorBody, 'param' | 'payment_intent'> = {},
): FakeStripeError {
  return new FakeStripeError(400, { type: 'invalid_request_error', code, message, ...extra }, true);
}

export function resourceMissing(kind: string, id: string, param: string): FakeStripeError {
  return new FakeStripeError(
    404,
    { type: 'invalid_request_error', code: 'resource_missing', param, message: `No such ${kind}: '${id}'` },
    false,
  );
}
