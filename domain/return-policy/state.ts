import type { ReturnPolicy } from './events.ts';

/** What holds before any policy was set: 30 days everywhere, no fee, shipping kept, refund on receipt. */
export const defaultReturnPolicy: ReturnPolicy = {
  defaultWindowDays: 30,
  categoryWindowDays: {},
  productWindowDays: {},
  reasons: ['damaged', 'wrong_item', 'not_as_described', 'does_not_fit', 'no_longer_needed', 'other'],
  refundShipping: false,
  restockingFeeBps: 0,
  refundOn: 'receipt',
  instructions:
    'Pack the items with the RMA number written on the parcel and send them to the address on our site.',
};

export type ReturnPolicyState = { policy: ReturnPolicy; set: boolean };

export const initialReturnPolicyState = (): ReturnPolicyState => ({
  policy: defaultReturnPolicy,
  set: false,
});

/** The window of one product: its own override, else its category's, else the default. */
export function windowDaysFor(
  policy: ReturnPolicy,
  product: { productId: string | null; category: string | null },
): number {
  if (product.productId !== null && Object.hasOwn(policy.productWindowDays, product.productId))
    return policy.productWindowDays[product.productId]!;
  if (product.category !== null && Object.hasOwn(policy.categoryWindowDays, product.category))
    return policy.categoryWindowDays[product.category]!;
  return policy.defaultWindowDays;
}
