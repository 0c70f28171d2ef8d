export type CodeClaimed = {
  type: 'CodeClaimed';
  data: { code: string; promotionId: string; generationId: string | null; singleUse: boolean };
};
export type CodeReleased = { type: 'CodeReleased'; data: { code: string; promotionId: string } };
/** One batch of generated codes, appended atomically with each code's claim. */
export type CodeBatchGenerated = {
  type: 'CodeBatchGenerated';
  data: { generationId: string; promotionId: string; batch: number; batches: number; codes: string[] };
};

export type CodeClaimEvent = CodeClaimed | CodeReleased;
export type CodeGenerationEvent = CodeBatchGenerated;

const types: Record<CodeClaimEvent['type'] | CodeGenerationEvent['type'], true> = {
  CodeClaimed: true,
  CodeReleased: true,
  CodeBatchGenerated: true,
};

export const couponCodeEventTypes = Object.keys(types) as (CodeClaimEvent | CodeGenerationEvent)['type'][];

export function isCouponCodeEvent(event: { type: string }): event is CodeClaimEvent | CodeGenerationEvent {
  return Object.hasOwn(types, event.type);
}
