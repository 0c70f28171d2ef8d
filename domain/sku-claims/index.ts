import type { Decider } from '../decider.ts';
import type { SkuClaimCommand } from './commands.ts';
import { decideSkuClaim } from './decide.ts';
import type { SkuClaimEvent } from './events.ts';
import { evolveSkuClaim } from './evolve.ts';
import { initialSkuClaimState, type SkuClaimState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export { isSkuClaimEvent, skuClaimEventTypes } from './events.ts';
export { SkuAlreadyUsed } from './errors.ts';

/**
 * Stream `sku-{sku}` (see `skuStream`): one per SKU, appended with the product's creation in one
 * atomic append, so two products can never both be created with one SKU. The read side relies on
 * that: the catalog finds a product by the SKU its stock events name.
 */
export const skuClaimDecider: Decider<SkuClaimCommand, SkuClaimEvent, SkuClaimState> = {
  decide: decideSkuClaim,
  evolve: evolveSkuClaim,
  initialState: initialSkuClaimState,
};
