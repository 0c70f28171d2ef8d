import { assertNever } from '../assert-never.ts';
import type { SkuClaimEvent } from './events.ts';
import type { SkuClaimState } from './state.ts';

export function evolveSkuClaim(state: SkuClaimState, event: SkuClaimEvent): SkuClaimState {
  switch (event.type) {
    case 'SkuClaimed':
      if (state.status === 'claimed') return state;
      return { status: 'claimed', sku: event.data.sku, productId: event.data.productId };
    case 'SkuReleased':
      if (state.status !== 'claimed' || state.productId !== event.data.productId) return state;
      return { status: 'free' };
    default:
      return assertNever(event);
  }
}
