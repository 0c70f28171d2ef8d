import { describe, expect, it } from 'vitest';
import { NoChange, ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { defaultReturnPolicy, returnPolicyDecider, windowDaysFor, type ReturnPolicy } from './index.ts';

const given = specFor(returnPolicyDecider);
const policy: ReturnPolicy = {
  ...defaultReturnPolicy,
  categoryWindowDays: { tools: 60 },
  productWindowDays: { 'p-sale': 0 },
  restockingFeeBps: 1500,
};
const set = (p: ReturnPolicy) => ({ type: 'SetReturnPolicy' as const, data: { policy: p } });

describe('the returns policy', () => {
  it('is set whole, and refuses a policy equal to the current one', () => {
    given([])
      .when(set(policy))
      .then([{ type: 'ReturnPolicySet', data: { policy } }]);
    given([{ type: 'ReturnPolicySet', data: { policy } }])
      .when(set({ ...policy }))
      .thenThrows(NoChange);
  });

  it('refuses a fee above 100 %, an empty reason list, a window of more than ten years', () => {
    given([])
      .when(set({ ...policy, restockingFeeBps: 10_001 }))
      .thenThrows(ValidationFailed, {
        field: 'restockingFeeBps',
      });
    given([])
      .when(set({ ...policy, reasons: [] }))
      .thenThrows(ValidationFailed, { field: 'reasons' });
    given([])
      .when(set({ ...policy, categoryWindowDays: { tools: 4000 } }))
      .thenThrows(ValidationFailed, { field: 'categoryWindowDays.tools' });
  });

  it('takes a product’s window over its category’s over the default (30 days)', () => {
    expect(windowDaysFor(policy, { productId: 'p-sale', category: 'tools' })).toBe(0);
    expect(windowDaysFor(policy, { productId: 'p-1', category: 'tools' })).toBe(60);
    expect(windowDaysFor(policy, { productId: 'p-1', category: 'garden' })).toBe(30);
    expect(windowDaysFor(policy, { productId: null, category: null })).toBe(30);
  });
});
