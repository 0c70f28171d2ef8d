export type CodeClaimState =
  | { status: 'free' }
  | { status: 'claimed'; code: string; promotionId: string; generationId: string | null; singleUse: boolean };

export const initialCodeClaimState = (): CodeClaimState => ({ status: 'free' });

/** A generation: which promotion, how many batches are in, and how many codes they hold. */
export type CodeGenerationState = { promotionId: string | null; batches: number; codes: number };

export const initialCodeGenerationState = (): CodeGenerationState => ({
  promotionId: null,
  batches: 0,
  codes: 0,
});
