import { randomUUID } from 'node:crypto';
import {
  DEFAULT_IDEMPOTENCY_LOCK_MS,
  DEFAULT_IDEMPOTENCY_TTL_MS,
  retryAfterMs,
  type IdempotencyStore,
  type StoredResponse,
} from './idempotency-store.ts';

export interface MemoryIdempotencyStoreOptions {
  ttlMs?: number;
  lockMs?: number;
  now?: () => Date;
}

interface Entry {
  fingerprint: string;
  token: string;
  lockedUntil: number;
  expiresAt: number;
  response: StoredResponse | null;
}

/**
 * An `IdempotencyStore` in this process's memory, for unit tests and single-process tools. Keys do
 * not survive a restart and are not shared between processes: servers use the SQL store.
 */
export function createMemoryIdempotencyStore(
  options: MemoryIdempotencyStoreOptions = {},
): IdempotencyStore & { size(): number } {
  const ttlMs = options.ttlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS;
  const lockMs = options.lockMs ?? DEFAULT_IDEMPOTENCY_LOCK_MS;
  const now = () => (options.now ? options.now() : new Date()).getTime();
  const entries = new Map<string, Entry>();
  const id = (scope: string, key: string) => JSON.stringify([scope, key]);
  const held = (scope: string, key: string, token: string) => {
    const entry = entries.get(id(scope, key));
    return entry?.token === token ? entry : undefined;
  };

  return {
    lockMs,
    async claim({ scope, key, fingerprint }) {
      const at = now();
      const existing = entries.get(id(scope, key));
      // A lapsed claim is taken over only by the same request (see `IdempotencyStore`).
      const stale =
        existing &&
        (existing.expiresAt <= at ||
          (existing.response === null && existing.lockedUntil <= at && existing.fingerprint === fingerprint));
      if (existing && !stale) {
        return existing.response
          ? { outcome: 'completed', fingerprint: existing.fingerprint, response: existing.response }
          : {
              outcome: 'in_flight',
              fingerprint: existing.fingerprint,
              retryAfterMs: retryAfterMs(existing.lockedUntil, at, lockMs),
            };
      }
      const token = randomUUID();
      entries.set(id(scope, key), {
        fingerprint,
        token,
        lockedUntil: at + lockMs,
        expiresAt: at + ttlMs,
        response: null,
      });
      const resumed = existing !== undefined && existing.response === null && existing.expiresAt > at;
      return { outcome: 'claimed', claim: { scope, key, token }, resumed };
    },
    async renew(claim) {
      const entry = held(claim.scope, claim.key, claim.token);
      if (entry && entry.response === null) entry.lockedUntil = now() + lockMs;
    },
    async complete(claim, response) {
      const entry = held(claim.scope, claim.key, claim.token);
      if (entry) entry.response = response;
    },
    async release(claim) {
      if (held(claim.scope, claim.key, claim.token)) entries.delete(id(claim.scope, claim.key));
    },
    size: () => entries.size,
  };
}
