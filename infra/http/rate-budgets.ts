/** A window budget: `points` requests per `seconds`, counted from the first request of the window. */
export interface RateBudget {
  points: number;
  seconds: number;
}

/** The budgets, each counted per client address and per account (the JWT subject, or the login name). */
export const budgetNames = ['read', 'write', 'login', 'reset', '2fa', 'signup'] as const;
export type BudgetName = (typeof budgetNames)[number];
export const budgetScopes = ['ip', 'account'] as const;
export type BudgetScope = (typeof budgetScopes)[number];

export type RateBudgets = Record<BudgetName, Partial<Record<BudgetScope, RateBudget>>>;

/**
 * Why these numbers: reads are generous (a storefront page makes a handful of calls, and many
 * shoppers share an office or mobile-carrier address) yet stop one scraper from taking the whole
 * API; writes per address allow a busy back-office behind one NAT, per account a person or a
 * script that imports. Login, reset, 2FA and sign-up are what brute force and enumeration aim at:
 * a few tries per account per quarter hour (the brute-force guard slows and locks before that),
 * more per address because of shared addresses.
 */
export const defaultRateBudgets: RateBudgets = {
  read: { ip: { points: 1_200, seconds: 60 } },
  write: { ip: { points: 300, seconds: 60 }, account: { points: 120, seconds: 60 } },
  login: { ip: { points: 30, seconds: 900 }, account: { points: 10, seconds: 900 } },
  reset: { ip: { points: 10, seconds: 3_600 }, account: { points: 5, seconds: 3_600 } },
  '2fa': { ip: { points: 30, seconds: 900 }, account: { points: 10, seconds: 900 } },
  signup: { ip: { points: 10, seconds: 3_600 }, account: { points: 3, seconds: 3_600 } },
};

/** The defaults with `overrides` laid over them, budget by budget and scope by scope. */
export function withOverrides(overrides: Partial<RateBudgets>): RateBudgets {
  const merged = { ...defaultRateBudgets };
  for (const name of budgetNames) merged[name] = { ...defaultRateBudgets[name], ...overrides[name] };
  return merged;
}
