/** The SKU is held by `productId`: no other product may be created with it. */
export type SkuClaimed = { type: 'SkuClaimed'; data: { sku: string; productId: string } };

/**
 * The claim is given back. Only a compensation appends it: on a backend without atomic
 * multi-stream appends, the claim is appended first and released if the product is then refused.
 */
export type SkuReleased = { type: 'SkuReleased'; data: { sku: string; productId: string } };

export type SkuClaimEvent = SkuClaimed | SkuReleased;

const types: Record<SkuClaimEvent['type'], true> = { SkuClaimed: true, SkuReleased: true };

export const skuClaimEventTypes = Object.keys(types) as SkuClaimEvent['type'][];

export function isSkuClaimEvent(event: { type: string }): event is SkuClaimEvent {
  return Object.hasOwn(types, event.type);
}
