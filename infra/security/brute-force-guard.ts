import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { LimiterStore } from './limiter-store.ts';

/** What the next attempt at a credential faces. */
export type BruteForceVerdict =
  | { allowed: true }
  | {
      allowed: false;
      /** `slow_down`: a progressive delay after repeated failures; `locked`: too many, wait out the lock. */
      reason: 'slow_down' | 'locked';
      /** Which key is held back: the account, or the client address. */
      scope: 'account' | 'ip';
      retryAfterSeconds: number;
    };

/**
 * The login handler's side of brute-force protection: `check` before verifying a password, code
 * or reset token (refuse with 429 and Retry-After when not allowed, without verifying), then
 * `recordFailure` or `recordSuccess`.
 */
export interface BruteForceGuard {
  check(ip: string, account: string): Promise<BruteForceVerdict>;
  /** Counts a failure; answers what the next attempt faces (tell the client when to come back). */
  recordFailure(ip: string, account: string): Promise<BruteForceVerdict>;
  /** Clears the account's failures and delay. The address's stay: an attacker's own account must not clear them. */
  recordSuccess(ip: string, account: string): Promise<void>;
}

/** How one key (an account, or an address) is slowed and then locked. */
export interface BruteForceScopePolicy {
  /** Consecutive failures without delay. */
  freeFailures: number;
  /** The first delay; each further failure doubles it, up to `maxDelaySeconds`. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** The failure that locks; counted within `windowSeconds` of the first. */
  lockAfterFailures: number;
  lockSeconds: number;
  windowSeconds: number;
}

export interface BruteForcePolicy {
  account: BruteForceScopePolicy;
  ip: BruteForceScopePolicy;
}

/**
 * An account: 3 free tries (typos), then 1, 2, 4 ... 60 s between tries, locked for 15 minutes at
 * the 10th failure within an hour: guessing 10 passwords an hour cannot get through a list of
 * common ones. An address: many people share one (offices, carriers), so 10 free failures and a
 * one-hour lock at the 100th within a day, which still stops spraying one password at many accounts.
 */
export const defaultBruteForcePolicy: BruteForcePolicy = {
  account: {
    freeFailures: 3,
    baseDelaySeconds: 1,
    maxDelaySeconds: 60,
    lockAfterFailures: 10,
    lockSeconds: 900,
    windowSeconds: 3_600,
  },
  ip: {
    freeFailures: 10,
    baseDelaySeconds: 1,
    maxDelaySeconds: 60,
    lockAfterFailures: 100,
    lockSeconds: 3_600,
    windowSeconds: 86_400,
  },
};

interface ScopeCounters {
  policy: BruteForceScopePolicy;
  /** Consecutive failures; over budget it blocks the key for `lockSeconds` (the lock). */
  failures: RateLimiterAbstract;
  /** Set to "blocked" for the current delay after each failure beyond the free ones. */
  delay: RateLimiterAbstract;
}

/**
 * rate-limiter-flexible's consecutive-failures pattern (its "login endpoint protection" recipe),
 * per account and per address, with a progressive delay before the lock. The delay refuses early
 * attempts with a Retry-After instead of holding the request open, which would tie up a connection
 * per guess and help the attacker more than the server.
 */
export function createBruteForceGuard(options: {
  store: LimiterStore;
  prefix: string;
  policy?: BruteForcePolicy;
}): BruteForceGuard {
  const policy = options.policy ?? defaultBruteForcePolicy;
  const counters = (scope: 'account' | 'ip'): ScopeCounters => {
    const p = policy[scope];
    return {
      policy: p,
      failures: options.store.limiter({
        keyPrefix: `${options.prefix}${scope}:fail`,
        points: p.lockAfterFailures - 1,
        seconds: p.windowSeconds,
        blockSeconds: p.lockSeconds,
      }),
      delay: options.store.limiter({
        keyPrefix: `${options.prefix}${scope}:delay`,
        points: 1,
        seconds: p.maxDelaySeconds,
      }),
    };
  };
  const scopes = { account: counters('account'), ip: counters('ip') };
  const keysOf = (ip: string, account: string) =>
    [
      ['account', account],
      ['ip', ip],
    ] as const;

  const verdictOf = async (scope: 'account' | 'ip', key: string): Promise<BruteForceVerdict> => {
    const { failures, delay, policy: p } = scopes[scope];
    const [failed, delayed] = await Promise.all([failures.get(key), delay.get(key)]);
    if (failed && failed.consumedPoints >= p.lockAfterFailures) {
      return { allowed: false, reason: 'locked', scope, retryAfterSeconds: seconds(failed.msBeforeNext) };
    }
    if (delayed && delayed.consumedPoints > 1 && delayed.msBeforeNext > 0) {
      return { allowed: false, reason: 'slow_down', scope, retryAfterSeconds: seconds(delayed.msBeforeNext) };
    }
    return { allowed: true };
  };

  const check = async (ip: string, account: string): Promise<BruteForceVerdict> => {
    const verdicts = await Promise.all(keysOf(ip, account).map(([scope, key]) => verdictOf(scope, key)));
    return longestWait(verdicts);
  };

  return {
    check,
    async recordFailure(ip, account) {
      await Promise.all(
        keysOf(ip, account).map(async ([scope, key]) => {
          const { failures, delay, policy: p } = scopes[scope];
          // Over budget the limiter rejects and blocks the key: that rejection is the lock.
          const res = await failures.consume(key).catch((rejection: unknown) => rejection);
          const count =
            typeof res === 'object' && res && 'consumedPoints' in res ? Number(res.consumedPoints) : 0;
          const beyondFree = count - p.freeFailures;
          if (beyondFree > 0 && count < p.lockAfterFailures) {
            const wait = Math.min(p.baseDelaySeconds * 2 ** (beyondFree - 1), p.maxDelaySeconds);
            await delay.block(key, wait);
          }
        }),
      );
      return check(ip, account);
    },
    async recordSuccess(_ip, account) {
      await Promise.all([scopes.account.failures.delete(account), scopes.account.delay.delete(account)]);
    },
  };
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

function longestWait(verdicts: BruteForceVerdict[]): BruteForceVerdict {
  let worst: BruteForceVerdict = { allowed: true };
  for (const verdict of verdicts) {
    if (verdict.allowed) continue;
    if (worst.allowed || verdict.retryAfterSeconds > worst.retryAfterSeconds) worst = verdict;
  }
  return worst;
}
