import {
  budgetNames,
  budgetScopes,
  type BudgetName,
  type BudgetScope,
  type RateBudgets,
} from '../http/rate-budgets.ts';
import { commaList } from './http-settings.ts';

const entryPattern = /^([a-z0-9]+)\.([a-z]+)=(\d{1,9})\/(\d{1,7})$/;

/**
 * `read.ip=2400/60,login.account=5/900` → the budgets it overrides; a message naming the first
 * entry that is wrong otherwise.
 */
export function parseRateBudgetOverrides(value: string): Partial<RateBudgets> | string {
  const overrides: Partial<RateBudgets> = {};
  for (const entry of commaList(value)) {
    const match = entryPattern.exec(entry);
    if (!match) return `${entry} is not <budget>.<ip|account>=<points>/<seconds>`;
    const [, name, scope, points, seconds] = match as unknown as [string, string, string, string, string];
    if (!(budgetNames as readonly string[]).includes(name)) {
      return `${entry}: the budget must be one of ${budgetNames.join(', ')}`;
    }
    if (!(budgetScopes as readonly string[]).includes(scope)) {
      return `${entry}: the scope must be ip or account`;
    }
    if (Number(points) < 1 || Number(seconds) < 1) return `${entry}: points and seconds must be at least 1`;
    const budget = (overrides[name as BudgetName] ??= {});
    budget[scope as BudgetScope] = { points: Number(points), seconds: Number(seconds) };
  }
  return overrides;
}
