export type SkuClaimState = { status: 'free' } | { status: 'claimed'; sku: string; productId: string };

export const initialSkuClaimState = (): SkuClaimState => ({ status: 'free' });
