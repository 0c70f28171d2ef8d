import type { FormObject } from './form-body.ts';

/** An answer as it went out, kept to be sent again byte for byte. */
export interface StoredResponse {
  status: number;
  body: string;
}

export type IdempotencyLookup =
  { kind: 'new' } | { kind: 'replay'; response: StoredResponse } | { kind: 'conflict'; message: string };

interface Entry {
  endpoint: string;
  fingerprint: string;
  response: StoredResponse;
}

/**
 * Stripe's idempotent requests: the first answer under a key is stored and replayed for the same
 * request; the same key with another endpoint or other parameters is refused with an
 * `idempotency_error`, because it means the client reused a key by mistake.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  lookup(key: string, endpoint: string, params: FormObject): IdempotencyLookup {
    const entry = this.entries.get(key);
    if (!entry) return { kind: 'new' };
    if (entry.endpoint !== endpoint) {
      return {
        kind: 'conflict',
        message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${entry.endpoint}' vs '${endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`,
      };
    }
    if (entry.fingerprint !== fingerprint(params)) {
      return {
        kind: 'conflict',
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      };
    }
    return { kind: 'replay', response: entry.response };
  }

  store(key: string, endpoint: string, params: FormObject, response: StoredResponse): void {
    this.entries.set(key, { endpoint, fingerprint: fingerprint(params), response });
  }
}

/** Parameters compared by value: the same object sent with its keys in another order is the same request. */
function fingerprint(params: FormObject): string {
  return JSON.stringify(params, (_key, value: unknown) =>
    value !== null && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}
