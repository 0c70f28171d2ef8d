import type { Decider } from '../decider.ts';
import type { CodeClaimCommand, CodeGenerationCommand } from './commands.ts';
import { decideCodeClaim, decideCodeGeneration, evolveCodeClaim, evolveCodeGeneration } from './decide.ts';
import type { CodeClaimEvent, CodeGenerationEvent } from './events.ts';
import {
  initialCodeClaimState,
  initialCodeGenerationState,
  type CodeClaimState,
  type CodeGenerationState,
} from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export { couponCodeEventTypes, isCouponCodeEvent } from './events.ts';

/**
 * Stream `coupon-{CODE}` (see `couponStream`), one per normalized code: claimed in the same atomic
 * append as the promotion that owns it (a shared code) or as its generation's batch (unique codes),
 * so no code is ever held by two promotions, whatever its case.
 */
export const codeClaimDecider: Decider<CodeClaimCommand, CodeClaimEvent, CodeClaimState> = {
  decide: decideCodeClaim,
  evolve: evolveCodeClaim,
  initialState: initialCodeClaimState,
};

/** Stream `coupongen-{generationId}`: the batches of one generation of unique codes, in order. */
export const codeGenerationDecider: Decider<CodeGenerationCommand, CodeGenerationEvent, CodeGenerationState> =
  {
    decide: decideCodeGeneration,
    evolve: evolveCodeGeneration,
    initialState: initialCodeGenerationState,
  };
