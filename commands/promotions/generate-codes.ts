import { randomInt } from 'node:crypto';
import {
  codeClaimDecider,
  codeGenerationDecider,
  type ClaimCode,
  type RecordCodeBatch,
} from '../../domain/coupon-codes/index.ts';
import { InvalidTransition, ValidationFailed } from '../../domain/errors.ts';
import {
  CodeAlreadyUsed,
  PromotionNotFound,
  promotionDecider,
  normalizeCode,
} from '../../domain/promotions/index.ts';
import { couponGenerationStream, couponStream, promotionStream } from '../../domain/streams.ts';
import { requireKey, requirePositiveInt } from '../../domain/validation.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { CommandResult } from '../runtime/command-result.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import { runCommand } from '../runtime/run-command.ts';
import { asStepDecider, type Step, type StepsOutcome } from '../runtime/steps.ts';

export const MAX_CODES_PER_GENERATION = 10_000;
/** Codes per append: each is one more stream in a multi-stream append, so batches stay moderate. */
export const CODES_PER_BATCH = 500;
/** No 0/O, 1/I/L: a code read aloud or copied from paper is typed right. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const RANDOM_LENGTH = 10;

export type GenerateCodesInput = {
  promotionId: string;
  generationId: string;
  count: number;
  prefix?: string;
};
export type GeneratedCodes = {
  generationId: string;
  codes: string[];
  batches: number;
  /** The generation stream's events appended by this call, its revision and the position reached. */
  result: CommandResult;
};

/** Draws a random code body; given as a dependency so tests can force collisions. */
export type CodeSource = () => string;

export const randomCodeSource: CodeSource = () =>
  Array.from({ length: RANDOM_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/**
 * Generates `count` unique single-use codes for a promotion whose codes are `unique`. They are
 * appended in batches of `CODES_PER_BATCH` under one generation id: each batch is one atomic append
 * of the generation's batch event and one claim per code (`coupon-{CODE}`, expected new), so a code
 * that collides with any existing code, of this promotion or another, fails its batch's append; the
 * colliding code is then drawn again and the batch retried. A generation interrupted part-way is
 * resumed by running the command again with the same generation id: the batches already in count.
 */
export async function generateCodes(
  runtime: CommandRuntime,
  input: GenerateCodesInput,
  context: CommandContext,
  source: CodeSource = randomCodeSource,
): Promise<GeneratedCodes> {
  const { promotionId, generationId } = input;
  requireKey('generationId', generationId);
  requirePositiveInt('count', input.count);
  if (input.count > MAX_CODES_PER_GENERATION)
    throw new ValidationFailed('count', `must be at most ${MAX_CODES_PER_GENERATION}`);
  const prefix = input.prefix === undefined ? '' : `${normalizeCode('prefix', input.prefix)}-`;
  const { state: promotion } = await loadAggregate(
    runtime.store,
    promotionDecider,
    promotionStream(promotionId),
    runtime.cache,
    false,
    runtime.upcasters,
  );
  if (promotion.status === 'absent') throw new PromotionNotFound(promotionId);
  if (
    promotion.definition.codes.mode !== 'unique' ||
    promotion.status === 'archived' ||
    promotion.status === 'expired'
  )
    throw new InvalidTransition({
      aggregate: 'promotion',
      id: promotionId,
      from: promotion.status,
      command: 'GenerateCodes',
    });
  const generationStream = couponGenerationStream(generationId);
  const { state: done, revision } = await loadAggregate(
    runtime.store,
    codeGenerationDecider,
    generationStream,
    runtime.cache,
    false,
    runtime.upcasters,
  );
  const batches = Math.ceil(input.count / CODES_PER_BATCH);
  const codes: string[] = [];
  const result: CommandResult = { events: [], revision, position: null };
  let made = done.codes;
  for (let batch = done.batches; batch < batches; batch++) {
    const size = Math.min(CODES_PER_BATCH, input.count - made);
    const appended = await appendBatch(
      runtime,
      { promotionId, generationId, batch, batches },
      size,
      prefix,
      source,
      context,
    );
    codes.push(...appended.codes);
    result.events.push(...(appended.outcome.events.get(generationStream) ?? []));
    result.revision = appended.outcome.revisions.get(generationStream) ?? result.revision;
    result.position = appended.outcome.position ?? result.position;
    made += size;
  }
  return { generationId, codes, batches, result };
}

/** Attempts before a batch is given up: each retry draws only the codes that collided again. */
const COLLISION_ATTEMPTS = 8;

async function appendBatch(
  runtime: CommandRuntime,
  at: Omit<RecordCodeBatch['data'], 'codes'>,
  size: number,
  prefix: string,
  source: CodeSource,
  context: CommandContext,
): Promise<{ codes: string[]; outcome: StepsOutcome }> {
  const codes = new Set<string>();
  const draw = () => {
    while (codes.size < size) codes.add(normalizeCode('code', `${prefix}${source()}`));
  };
  draw();
  for (let attempt = 1; ; attempt++) {
    const batch = [...codes];
    try {
      const outcome = await runCommand(
        runtime,
        {
          keys: [couponGenerationStream(at.generationId)],
          contention: 'normal',
          plan: async () => batchSteps(at, batch),
        },
        context,
      );
      return { codes: batch, outcome };
    } catch (error) {
      if (!(error instanceof CodeAlreadyUsed) || attempt === COLLISION_ATTEMPTS) throw error;
      codes.delete(error.details.code);
      draw();
    }
  }
}

function batchSteps(at: Omit<RecordCodeBatch['data'], 'codes'>, codes: string[]): Step[] {
  const claims: Step[] = codes.map((code) => {
    const claim: ClaimCode = {
      type: 'ClaimCode',
      data: { code, promotionId: at.promotionId, generationId: at.generationId, singleUse: true },
    };
    return {
      stream: couponStream(code),
      decider: asStepDecider(codeClaimDecider),
      command: claim,
      expectNew: true,
      compensate: () => ({ type: 'ReleaseCode', data: { code, promotionId: at.promotionId } }),
    };
  });
  const record: RecordCodeBatch = { type: 'RecordCodeBatch', data: { ...at, codes } };
  return [
    ...claims,
    {
      stream: couponGenerationStream(at.generationId),
      decider: asStepDecider(codeGenerationDecider),
      command: record,
    },
  ];
}
