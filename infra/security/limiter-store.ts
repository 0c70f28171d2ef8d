import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/**
 * Where counters live: Redis when the deployment has it, so every API process counts against the
 * same budget; else this process's memory (embedded mode: one process). A Redis outage falls back
 * to memory per process (the library's insurance limiter) rather than failing requests or letting
 * everything through.
 */
export interface LimiterStore {
  readonly kind: 'redis' | 'memory';
  limiter(options: LimiterOptions): RateLimiterAbstract;
}

export interface LimiterOptions {
  /** Unique per counter: `qm:rl:read:ip:` ... */
  keyPrefix: string;
  points: number;
  seconds: number;
  /** Once over `points`, refuse for this long (a lock); 0: until the window ends. */
  blockSeconds?: number;
  /**
   * Remember a key that went over its budget in this process too, so a flood from it stops costing
   * a Redis round trip per request. Not for counters that get reset (a lock lifted by success).
   */
  blockInMemory?: boolean;
}

export function memoryLimiterStore(): LimiterStore {
  return {
    kind: 'memory',
    limiter: (options) => new RateLimiterMemory(memoryOptions(options)),
  };
}

export function redisLimiterStore(redis: Redis): LimiterStore {
  return {
    kind: 'redis',
    limiter: (options) =>
      new RateLimiterRedis({
        ...memoryOptions(options),
        storeClient: redis,
        // Not connected: count in memory at once instead of queueing the request behind a reconnect.
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(memoryOptions(options)),
        ...(options.blockInMemory ? { inMemoryBlockOnConsumed: options.points + 1 } : {}),
      }),
  };
}

function memoryOptions(options: LimiterOptions) {
  return {
    keyPrefix: options.keyPrefix,
    points: options.points,
    duration: options.seconds,
    blockDuration: options.blockSeconds ?? 0,
  };
}

/**
 * `consume`, with the library's two kinds of refusal told apart: over budget resolves as
 * `{ allowed: false }`; a store failure (no insurance left) still throws.
 */
export async function consumePoint(
  limiter: RateLimiterAbstract,
  key: string,
  points = 1,
): Promise<{ allowed: boolean; res: RateLimiterRes }> {
  try {
    return { allowed: true, res: await limiter.consume(key, points) };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { allowed: false, res: error };
    throw error;
  }
}
