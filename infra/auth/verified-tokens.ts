import type { Actor } from './actor.ts';

/**
 * Tokens already verified, with the actor each names, until each expires. A storefront sends the
 * same token with every request of a session; checking its signature again each time was a tenth
 * of the command API's CPU per order. The token string itself is the key: only a byte-identical
 * token (same signature) is taken as verified, and never past its `exp`.
 *
 * At most `capacity` tokens are kept; past that the oldest remembered is forgotten first.
 */
export interface VerifiedTokens {
  get(token: string, nowMs: number): Actor | undefined;
  remember(token: string, actor: Actor, expiresAtMs: number): void;
}

export function createVerifiedTokens(capacity: number): VerifiedTokens {
  const entries = new Map<string, { actor: Actor; expiresAtMs: number }>();
  return {
    get(token, nowMs) {
      const entry = entries.get(token);
      if (!entry) return undefined;
      if (entry.expiresAtMs <= nowMs) {
        entries.delete(token);
        return undefined;
      }
      return entry.actor;
    },
    remember(token, actor, expiresAtMs) {
      if (capacity <= 0) return;
      entries.delete(token);
      entries.set(token, { actor, expiresAtMs });
      if (entries.size > capacity) entries.delete(entries.keys().next().value!);
    },
  };
}
