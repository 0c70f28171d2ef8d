/** Claims a normalized code for a promotion; `generationId` names the batch of a generated code. */
export type ClaimCode = {
  type: 'ClaimCode';
  data: { code: string; promotionId: string; generationId: string | null; singleUse: boolean };
};
/** Undoes a claim `promotionId` made (a compensation on a backend without atomic appends). */
export type ReleaseCode = { type: 'ReleaseCode'; data: { code: string; promotionId: string } };

/** Records one batch of a generation; `batch` counts from 0 and must be the next one. */
export type RecordCodeBatch = {
  type: 'RecordCodeBatch';
  data: { generationId: string; promotionId: string; batch: number; batches: number; codes: string[] };
};

export type CodeClaimCommand = ClaimCode | ReleaseCode;
export type CodeGenerationCommand = RecordCodeBatch;
