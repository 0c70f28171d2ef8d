import { describe, it } from 'vitest';
import { InvalidTransition, ValidationFailed } from '../errors.ts';
import { CodeAlreadyUsed } from '../promotions/index.ts';
import { specFor } from '../testing/decider-spec.ts';
import {
  codeClaimDecider,
  codeGenerationDecider,
  type CodeClaimEvent,
  type CodeGenerationEvent,
  type RecordCodeBatch,
} from './index.ts';

const claims = specFor(codeClaimDecider);
const claim = (promotionId: string, code = 'SUMMER20') =>
  ({ type: 'ClaimCode', data: { code, promotionId, generationId: null, singleUse: false } }) as const;
const claimed = (promotionId: string): CodeClaimEvent => ({
  type: 'CodeClaimed',
  data: claim(promotionId).data,
});

describe('ClaimCode', () => {
  it('claims a free code', () => {
    claims([])
      .when(claim('p1'))
      .then([claimed('p1')]);
  });

  it('refuses a code another promotion holds, naming it', () => {
    claims([claimed('p1')])
      .when(claim('p2'))
      .thenThrows(CodeAlreadyUsed, { code: 'SUMMER20', promotionId: 'p1' });
  });

  it('is a no-op for the holder claiming again (a retried append)', () => {
    claims([claimed('p1')])
      .when(claim('p1'))
      .thenNothing();
  });

  it('takes only normalized codes, so two spellings can never be two claims', () => {
    claims([]).when(claim('p1', 'summer20')).thenThrows(ValidationFailed, { field: 'code' });
  });

  it('releases only its own claim', () => {
    claims([claimed('p1')])
      .when({ type: 'ReleaseCode', data: { code: 'SUMMER20', promotionId: 'p1' } })
      .then([{ type: 'CodeReleased', data: { code: 'SUMMER20', promotionId: 'p1' } }]);
    claims([claimed('p1')])
      .when({ type: 'ReleaseCode', data: { code: 'SUMMER20', promotionId: 'p2' } })
      .thenNothing();
  });
});

const generations = specFor(codeGenerationDecider);
const batch = (n: number, promotionId = 'p1'): RecordCodeBatch => ({
  type: 'RecordCodeBatch',
  data: { generationId: 'g1', promotionId, batch: n, batches: 3, codes: [`C${n}AAA`] },
});
const recorded = (n: number): CodeGenerationEvent => ({ type: 'CodeBatchGenerated', data: batch(n).data });

describe('RecordCodeBatch', () => {
  it('records batches in order', () => {
    generations([])
      .when(batch(0))
      .then([recorded(0)]);
    generations([recorded(0)])
      .when(batch(1))
      .then([recorded(1)]);
  });

  it('a batch already in is a retry', () => {
    generations([recorded(0)])
      .when(batch(0))
      .thenNothing();
  });

  it('refuses a gap, and a batch for another promotion', () => {
    generations([recorded(0)])
      .when(batch(2))
      .thenThrows(InvalidTransition);
    generations([recorded(0)])
      .when(batch(1, 'p2'))
      .thenThrows(InvalidTransition);
  });
});
