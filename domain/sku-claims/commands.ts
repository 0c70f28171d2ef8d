export type ClaimSku = { type: 'ClaimSku'; data: { sku: string; productId: string } };

/** Undoes a claim that `productId` made; a claim held by another product is left alone. */
export type ReleaseSku = { type: 'ReleaseSku'; data: { sku: string; productId: string } };

export type SkuClaimCommand = ClaimSku | ReleaseSku;
