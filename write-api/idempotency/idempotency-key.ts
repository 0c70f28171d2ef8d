import { IdempotencyKeyInvalid } from './idempotency-errors.ts';

const MAX_KEY_LENGTH = 255;

/**
 * Reads an `Idempotency-Key` header. Accepts the IETF draft's quoted form (`"8e03978e-..."`) and the
 * bare form most clients send (Stripe's); both mean the same key. Keys are 1 to 255 visible ASCII
 * characters: enough for a UUID or a composed key, bounded so the store's index stays small.
 */
export function parseIdempotencyKey(header: string): string {
  const trimmed = header.trim();
  const key = /^"[^"]*"$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key) || key.includes('"')) {
    throw new IdempotencyKeyInvalid(
      `The Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} visible ASCII characters (a UUID is a good choice).`,
    );
  }
  return key;
}
