import { assertNever } from '../assert-never.ts';
import { requireKey } from '../validation.ts';
import type { SkuClaimCommand } from './commands.ts';
import { SkuAlreadyUsed } from './errors.ts';
import type { SkuClaimEvent } from './events.ts';
import type { SkuClaimState } from './state.ts';

export function decideSkuClaim(command: SkuClaimCommand, state: SkuClaimState): SkuClaimEvent[] {
  const { sku, productId } = command.data;
  switch (command.type) {
    case 'ClaimSku':
      requireKey('sku', sku);
      if (state.status === 'free') return [{ type: 'SkuClaimed', data: { sku, productId } }];
      // The holder claiming again is a retry (or a create whose product append never landed): no-op.
      if (state.productId === productId) return [];
      throw new SkuAlreadyUsed({ sku, productId: state.productId });
    case 'ReleaseSku':
      if (state.status !== 'claimed' || state.productId !== productId) return [];
      return [{ type: 'SkuReleased', data: { sku, productId } }];
    default:
      return assertNever(command);
  }
}
