import { NoChange, ValidationFailed } from '../errors.ts';
import {
  requireKey,
  requireLength,
  requireNonNegativeInt,
  requireOneOf,
  requireUnique,
} from '../validation.ts';
import type { ReturnPolicyCommand } from './commands.ts';
import { refundMoments, type ReturnPolicy, type ReturnPolicyEvent } from './events.ts';
import type { ReturnPolicyState } from './state.ts';

/** No window longer than ten years: anything beyond is a typo (days for hours, an extra zero). */
const MAX_WINDOW_DAYS = 3650;

export function decideReturnPolicy(
  command: ReturnPolicyCommand,
  state: ReturnPolicyState,
): ReturnPolicyEvent[] {
  const policy = checked(command.data.policy);
  if (state.set && canonical(policy) === canonical(state.policy)) {
    throw new NoChange({ aggregate: 'return-policy', id: 'shop', field: 'policy' });
  }
  return [{ type: 'ReturnPolicySet', data: { policy } }];
}

function checked(policy: ReturnPolicy): ReturnPolicy {
  requireWindow('defaultWindowDays', policy.defaultWindowDays);
  for (const [category, days] of Object.entries(policy.categoryWindowDays)) {
    requireLength(`categoryWindowDays.${category}`, category, 200);
    requireWindow(`categoryWindowDays.${category}`, days);
  }
  for (const [productId, days] of Object.entries(policy.productWindowDays)) {
    requireKey(`productWindowDays.${productId}`, productId);
    requireWindow(`productWindowDays.${productId}`, days);
  }
  if (policy.reasons.length === 0) throw new ValidationFailed('reasons', 'must name at least one reason');
  policy.reasons.forEach((reason, i) => requireKey(`reasons[${i}]`, reason));
  requireUnique('reasons', policy.reasons);
  requireNonNegativeInt('restockingFeeBps', policy.restockingFeeBps);
  if (policy.restockingFeeBps > 10_000)
    throw new ValidationFailed('restockingFeeBps', 'must be at most 10000');
  requireOneOf('refundOn', policy.refundOn, refundMoments);
  requireLength('instructions', policy.instructions, 2000);
  if (policy.instructions.trim() === '') throw new ValidationFailed('instructions', 'must not be blank');
  return {
    defaultWindowDays: policy.defaultWindowDays,
    categoryWindowDays: { ...policy.categoryWindowDays },
    productWindowDays: { ...policy.productWindowDays },
    reasons: [...policy.reasons],
    refundShipping: policy.refundShipping,
    restockingFeeBps: policy.restockingFeeBps,
    refundOn: policy.refundOn,
    instructions: policy.instructions,
  };
}

function requireWindow(field: string, days: number): void {
  requireNonNegativeInt(field, days);
  if (days > MAX_WINDOW_DAYS) throw new ValidationFailed(field, `must be at most ${MAX_WINDOW_DAYS} days`);
}

/** Key order must not make two equal policies differ. */
function canonical(policy: ReturnPolicy): string {
  const sorted = (record: Record<string, number>) =>
    Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify({
    ...policy,
    categoryWindowDays: sorted(policy.categoryWindowDays),
    productWindowDays: sorted(policy.productWindowDays),
  });
}
