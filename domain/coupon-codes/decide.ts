import { assertNever } from '../assert-never.ts';
import { InvalidTransition, ValidationFailed } from '../errors.ts';
import { CodeAlreadyUsed } from '../promotions/errors.ts';
import { normalizeCode } from '../promotions/codes.ts';
import type { CodeClaimCommand, CodeGenerationCommand } from './commands.ts';
import type { CodeClaimEvent, CodeGenerationEvent } from './events.ts';
import type { CodeClaimState, CodeGenerationState } from './state.ts';

export function decideCodeClaim(command: CodeClaimCommand, state: CodeClaimState): CodeClaimEvent[] {
  const { promotionId } = command.data;
  switch (command.type) {
    case 'ClaimCode': {
      const code = normalizeCode('code', command.data.code);
      if (code !== command.data.code) throw new ValidationFailed('code', 'must be given in its normal form');
      if (state.status === 'free') return [{ type: 'CodeClaimed', data: { ...command.data, code } }];
      // The holder claiming again is a retry of the same append: no-op. Anyone else collides.
      if (state.promotionId === promotionId && state.generationId === command.data.generationId) return [];
      throw new CodeAlreadyUsed({ code, promotionId: state.promotionId });
    }
    case 'ReleaseCode':
      if (state.status !== 'claimed' || state.promotionId !== promotionId) return [];
      return [{ type: 'CodeReleased', data: { code: state.code, promotionId } }];
    default:
      return assertNever(command);
  }
}

export function evolveCodeClaim(state: CodeClaimState, event: CodeClaimEvent): CodeClaimState {
  switch (event.type) {
    case 'CodeClaimed':
      return state.status === 'claimed' ? state : { status: 'claimed', ...event.data };
    case 'CodeReleased':
      return state.status === 'claimed' && state.promotionId === event.data.promotionId
        ? { status: 'free' }
        : state;
    default:
      return assertNever(event);
  }
}

/**
 * Batches come in order: a batch already recorded is a retry (no-op); one further ahead means the
 * one before it is missing, which the generator never does.
 */
export function decideCodeGeneration(
  command: CodeGenerationCommand,
  state: CodeGenerationState,
): CodeGenerationEvent[] {
  const { generationId, promotionId, batch } = command.data;
  if (state.promotionId !== null && state.promotionId !== promotionId)
    throw new InvalidTransition({
      aggregate: 'code generation',
      id: generationId,
      from: 'another promotion',
      command: command.type,
    });
  if (batch < state.batches) return [];
  if (batch > state.batches)
    throw new InvalidTransition({
      aggregate: 'code generation',
      id: generationId,
      from: `batch ${state.batches} next`,
      command: command.type,
    });
  return [{ type: 'CodeBatchGenerated', data: command.data }];
}

export function evolveCodeGeneration(
  state: CodeGenerationState,
  event: CodeGenerationEvent,
): CodeGenerationState {
  return {
    promotionId: event.data.promotionId,
    batches: state.batches + 1,
    codes: state.codes + event.data.codes.length,
  };
}
