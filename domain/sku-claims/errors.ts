import { DomainError } from '../errors.ts';

export type SkuAlreadyUsedDetails = { sku: string; productId: string };

/** Another product holds the SKU; `productId` names it so the admin can look it up. */
export class SkuAlreadyUsed extends DomainError<SkuAlreadyUsedDetails> {
  override readonly name = 'SkuAlreadyUsed';
  readonly code = 'sku_already_used';
  readonly kind = 'conflict';
  constructor(details: SkuAlreadyUsedDetails) {
    super(`SKU ${details.sku} is already used by product ${details.productId}`, details);
  }
}
