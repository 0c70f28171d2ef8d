import type { Redis } from 'ioredis';
import type { SessionRevocations } from '../../ports/session-tokens.ts';
import type { Logger } from '../logging/logger.ts';

/**
 * The sessions revoked while their access tokens may still be alive, which the verifier refuses
 * (`withRevocations`). Each entry is kept until its last token expires, so the list stays as small
 * as the number of sessions revoked in the last access-token lifetime.
 *
 * With Redis (`REDIS_URL`), a revocation is added to a sorted set (score: when it can be forgotten)
 * and published on a channel: every API process adds it to its memory as the message arrives
 * (milliseconds), and a process that starts later loads the set. Without Redis (embedded, one
 * process) the memory is the list.
 */
export interface RevocationList extends SessionRevocations {
  isRevoked(sessionId: string): boolean;
  close(): Promise<void>;
}

export function memoryRevocations(now: () => number = Date.now): RevocationList & {
  add(sessionId: string, expiresAtMs: number): void;
} {
  const revoked = new Map<string, number>();
  let sweptAt = 0;
  const sweep = () => {
    const at = now();
    if (at - sweptAt < 10_000) return;
    sweptAt = at;
    for (const [id, until] of revoked) if (until <= at) revoked.delete(id);
  };
  const add = (sessionId: string, expiresAtMs: number) => {
    revoked.set(sessionId, Math.max(expiresAtMs, revoked.get(sessionId) ?? 0));
    sweep();
  };
  return {
    add,
    revoke: async (sessionId, expiresAtMs) => add(sessionId, expiresAtMs),
    isRevoked(sessionId) {
      const until = revoked.get(sessionId);
      return until !== undefined && until > now();
    },
    close: async () => {},
  };
}

export async function redisRevocations(options: {
  redis: Redis;
  prefix?: string;
  log?: Pick<Logger, 'warn'>;
  now?: () => number;
}): Promise<RevocationList> {
  const now = options.now ?? Date.now;
  const key = `${options.prefix ?? 'qm:'}auth:revoked`;
  const memory = memoryRevocations(now);
  // A subscribed connection can do nothing else: one of its own.
  const subscriber = options.redis.duplicate();
  subscriber.on('error', (error: Error) =>
    options.log?.warn({ err: error }, 'revocation channel: Redis error'),
  );
  subscriber.on('message', (_channel: string, message: string) => {
    const [sessionId, until] = message.split(' ');
    if (sessionId && until) memory.add(sessionId, Number(until));
  });
  await subscriber.subscribe(key);
  // Loaded after subscribing: a revocation published in between is in one or the other.
  const current = await options.redis.zrangebyscore(key, now(), '+inf', 'WITHSCORES');
  for (let i = 0; i + 1 < current.length; i += 2) memory.add(current[i]!, Number(current[i + 1]));
  return {
    isRevoked: (sessionId) => memory.isRevoked(sessionId),
    async revoke(sessionId, expiresAtMs) {
      memory.add(sessionId, expiresAtMs);
      await options.redis
        .multi()
        .zadd(key, expiresAtMs, sessionId)
        .zremrangebyscore(key, '-inf', now())
        .publish(key, `${sessionId} ${expiresAtMs}`)
        .exec();
    },
    close: async () => {
      subscriber.disconnect();
    },
  };
}
