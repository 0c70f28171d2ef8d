import type { Context, Env, MiddlewareHandler } from 'hono';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { consumePoint, type LimiterStore } from '../security/limiter-store.ts';
import { addAnswerHeaders } from './answer-headers.ts';
import { HttpProblem } from './problem.ts';
import {
  budgetNames,
  budgetScopes,
  type BudgetName,
  type BudgetScope,
  type RateBudgets,
} from './rate-budgets.ts';

/** Who a request counts against: its client address, and its account when one is known. */
export interface RateKeys {
  ip?: string | undefined;
  account?: string | undefined;
}

/** The outcome that decides the answer: the tightest of the scopes consumed. */
export interface RateDecision {
  allowed: boolean;
  budget: BudgetName;
  scope: BudgetScope;
  limit: number;
  remaining: number;
  windowSeconds: number;
  /** Seconds until the window (or the refusal) ends. */
  resetSeconds: number;
}

export interface RateLimits {
  readonly store: LimiterStore['kind'];
  /** Counts one request against `budget` in every scope a key is given for; never throws for being over. */
  consume(budget: BudgetName, keys: RateKeys): Promise<RateDecision | undefined>;
  /**
   * `consume`, then throws the 429 problem (Retry-After, RateLimit-*) when over budget. For a
   * handler that learns the account only from the body (login, reset, sign-up, 2FA):
   * `await rateLimits.enforce('login', { ip: clientIp(c), account: email })`.
   */
  enforce(budget: BudgetName, keys: RateKeys): Promise<RateDecision | undefined>;
  /**
   * Middleware counting each request against `budget` under `keys(c)`; adds the RateLimit-*
   * headers to the answer headers (set by the security headers guard outside it, `http-guards.ts`)
   * and refuses with 429 once over.
   */
  middleware<E extends Env = Env>(
    budget: BudgetName,
    keys: (c: Context<E>) => RateKeys,
  ): MiddlewareHandler<E>;
}

/**
 * Per-address and per-account request budgets (rate-limiter-flexible), counted in Redis or memory
 * (`LimiterStore`). The answers follow the IETF RateLimit header fields draft: `RateLimit-Limit`,
 * `RateLimit-Remaining`, `RateLimit-Reset` (seconds) and `RateLimit-Policy` (`<limit>;w=<window>`).
 */
export function createRateLimits(options: {
  store: LimiterStore;
  budgets: RateBudgets;
  /** Keeps deployments (and tests) sharing a Redis apart. Default `qm:rl:`. */
  prefix?: string;
}): RateLimits {
  const prefix = options.prefix ?? 'qm:rl:';
  const limiters = new Map<string, { limiter: RateLimiterAbstract; points: number; seconds: number }>();
  for (const name of budgetNames) {
    for (const scope of budgetScopes) {
      const budget = options.budgets[name][scope];
      if (!budget) continue;
      const limiter = options.store.limiter({
        keyPrefix: `${prefix}${name}:${scope}`,
        points: budget.points,
        seconds: budget.seconds,
        blockInMemory: true,
      });
      limiters.set(`${name}:${scope}`, { limiter, ...budget });
    }
  }

  const leases = createLeases();
  const consumeScope = async (budget: BudgetName, scope: BudgetScope, key: string): Promise<RateDecision> => {
    const counter = limiters.get(`${budget}:${scope}`)!;
    const decision = (allowed: boolean, remaining: number, msBeforeNext: number): RateDecision => ({
      allowed,
      budget,
      scope,
      limit: counter.points,
      remaining,
      windowSeconds: counter.seconds,
      resetSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
    });
    const chunk = leaseSize(counter.points);
    if (chunk === 1) {
      const { allowed, res } = await consumePoint(counter.limiter, key);
      return decision(allowed, res.remainingPoints, res.msBeforeNext);
    }
    const leaseKey = `${budget}:${scope}:${key}`;
    for (;;) {
      const now = Date.now();
      const lease = leases.take(leaseKey, now);
      if (lease) return decision(true, lease.remainingAfter + lease.left, lease.resetAt - now);
      const pending = leases.pending.get(leaseKey);
      if (pending) {
        // Another request is fetching this key's lease: share it rather than take a second.
        if (!(await pending)) return decision(false, 0, leases.refusedFor(leaseKey, now));
        continue;
      }
      const acquiring = consumePoint(counter.limiter, key, chunk).then(({ allowed, res }) => {
        leases.settle(leaseKey, allowed, chunk, res.remainingPoints, Date.now() + res.msBeforeNext);
        return allowed;
      });
      leases.pending.set(leaseKey, acquiring);
      try {
        if (!(await acquiring)) return decision(false, 0, leases.refusedFor(leaseKey, Date.now()));
      } finally {
        leases.pending.delete(leaseKey);
      }
    }
  };

  /**
   * The decision when the request names one scope and this process holds a lease with points left
   * for it (taking one); else undefined, and `consume` decides.
   */
  const leased = (budget: BudgetName, keys: RateKeys): RateDecision | undefined => {
    let only: { scope: BudgetScope; key: string } | undefined;
    for (const scope of budgetScopes) {
      const key = keys[scope];
      if (key === undefined || !limiters.has(`${budget}:${scope}`)) continue;
      if (only) return undefined;
      only = { scope, key };
    }
    if (!only) return undefined;
    const counter = limiters.get(`${budget}:${only.scope}`)!;
    if (leaseSize(counter.points) === 1) return undefined;
    const now = Date.now();
    const lease = leases.take(`${budget}:${only.scope}:${only.key}`, now);
    if (!lease) return undefined;
    return {
      allowed: true,
      budget,
      scope: only.scope,
      limit: counter.points,
      remaining: lease.remainingAfter + lease.left,
      windowSeconds: counter.seconds,
      resetSeconds: Math.max(1, Math.ceil((lease.resetAt - now) / 1000)),
    };
  };

  const consume = async (budget: BudgetName, keys: RateKeys): Promise<RateDecision | undefined> => {
    const pending: Promise<RateDecision>[] = [];
    for (const scope of budgetScopes) {
      const key = keys[scope];
      if (key !== undefined && limiters.has(`${budget}:${scope}`))
        pending.push(consumeScope(budget, scope, key));
    }
    if (pending.length === 0) return undefined;
    // The common case (one scope) skips the array walk; the tightest decision wins otherwise.
    if (pending.length === 1) return pending[0];
    return tightest(await Promise.all(pending));
  };

  const enforce = async (budget: BudgetName, keys: RateKeys) => {
    const decision = await consume(budget, keys);
    if (decision && !decision.allowed) throw rateLimited(decision);
    return decision;
  };

  return {
    store: options.store.kind,
    consume,
    enforce,
    middleware: <E extends Env>(
      budget: BudgetName,
      keys: (c: Context<E>) => RateKeys,
    ): MiddlewareHandler<E> =>
      function rateLimit(c, next) {
        const given = keys(c);
        // Most requests spend a point of a lease this process holds: no promise to wait on.
        const held = leased(budget, given);
        if (held) {
          addAnswerHeaders(c, rateLimitHeaders(held));
          return next();
        }
        return enforce(budget, given).then((decision) => {
          if (decision) addAnswerHeaders(c, rateLimitHeaders(decision));
          return next();
        });
      },
  };
}

/** A refusal before an allowance; among refusals the longest wait, among allowances the fewest left. */
function tightest(decisions: RateDecision[]): RateDecision {
  return decisions.reduce((a, b) => {
    if (a.allowed !== b.allowed) return a.allowed ? b : a;
    if (!a.allowed) return a.resetSeconds >= b.resetSeconds ? a : b;
    return a.remaining <= b.remaining ? a : b;
  });
}

export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  return {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(decision.resetSeconds),
    'RateLimit-Policy': `${decision.limit};w=${decision.windowSeconds}`,
  };
}

/** The 429 answer: when to come back, and which budget ran out. */
export function rateLimited(decision: RateDecision): HttpProblem {
  const per = decision.scope === 'ip' ? 'client address' : 'account';
  return new HttpProblem({
    status: 429,
    code: 'rate_limited',
    title: 'Too many requests',
    detail: `The ${decision.budget} budget of this ${per} (${decision.limit} requests per ${decision.windowSeconds} s) is spent; retry in ${decision.resetSeconds} s.`,
    extensions: { budget: decision.budget, scope: decision.scope, retryAfterSeconds: decision.resetSeconds },
    headers: { ...rateLimitHeaders(decision), 'Retry-After': String(decision.resetSeconds) },
  });
}

/**
 * Points a process takes from the store at once for a large budget. A generous budget (the read
 * API's 1,200 a minute) would otherwise cost a Redis round trip per request, which on the cached
 * product detail costs more than the rest of the request. Taking 1% of the budget at a time makes
 * that one round trip per 12 requests; the price is precision: an address may be refused up to
 * one lease (1% of its budget) early, and several processes may together hand out up to one lease
 * each beyond it. Small budgets (login, reset: under 200 points) are counted one by one.
 */
function leaseSize(points: number): number {
  return Math.min(1_000, Math.max(1, Math.floor(points / 100)));
}

interface Lease {
  /** Points of the lease not yet handed out. */
  left: number;
  /** What the store had left after granting the lease. */
  remainingAfter: number;
  /** When the store's window ends (ms since the epoch); the lease ends with it. */
  resetAt: number;
}

/** Leases by budget, scope and key, with the refusals seen while fetching them. */
function createLeases() {
  const held = new Map<string, Lease>();
  const refusedUntil = new Map<string, number>();
  const pending = new Map<string, Promise<boolean>>();
  const sweep = (now: number) => {
    // Addresses come and go: drop what has ended once the maps grow, so they stay bounded.
    if (held.size + refusedUntil.size < 50_000) return;
    for (const [key, lease] of held) if (lease.resetAt <= now) held.delete(key);
    for (const [key, until] of refusedUntil) if (until <= now) refusedUntil.delete(key);
  };
  return {
    pending,
    take(key: string, now: number): Lease | undefined {
      const lease = held.get(key);
      if (!lease || lease.left === 0 || lease.resetAt <= now) return undefined;
      lease.left -= 1;
      return lease;
    },
    settle(key: string, allowed: boolean, chunk: number, remainingAfter: number, resetAt: number) {
      sweep(Date.now());
      if (allowed) {
        held.set(key, { left: chunk, remainingAfter, resetAt });
        refusedUntil.delete(key);
      } else {
        held.delete(key);
        refusedUntil.set(key, resetAt);
      }
    },
    refusedFor(key: string, now: number): number {
      return (refusedUntil.get(key) ?? now + 1_000) - now;
    },
  };
}
