import { codeClaimDecider, type ClaimCode, type CodeClaimState } from '../../domain/coupon-codes/index.ts';
import {
  promotionDecider,
  validateDefinition,
  type CreatePromotion,
  type PromotionCommand,
  type PromotionDefinition,
  type PromotionState,
} from '../../domain/promotions/index.ts';
import { couponStream, promotionStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { pinnedTo, toResult, type CommandResult } from '../runtime/command-result.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { earlierRun } from '../runtime/request-events.ts';
import { runCommand } from '../runtime/run-command.ts';
import { asStepDecider } from '../runtime/steps.ts';

/**
 * A promotion's lifecycle, one `promotion-{id}` stream each. Creating a promotion with a shared code
 * claims the code (`coupon-{CODE}`) in the same append, so two promotions can never hold one code.
 * Edits take an If-Match: a person editing a live promotion must have seen its current version.
 */
export function promotionHandlers(runtime: CommandRuntime) {
  const run = async (
    promotionId: string,
    command: PromotionCommand,
    context: CommandContext,
    ifMatch?: number,
  ) =>
    toResult(
      await handleCommand(
        runtime,
        promotionDecider,
        promotionStream(promotionId),
        command,
        context,
        pinnedTo(ifMatch),
      ),
    );
  return {
    createPromotion: (
      input: { promotionId: string; definition: PromotionDefinition },
      context: CommandContext,
    ) => createPromotion(runtime, input, context),
    editPromotion: (
      input: { promotionId: string; definition: PromotionDefinition },
      context: CommandContext,
      ifMatch?: number,
    ) => run(input.promotionId, { type: 'EditPromotion', data: input }, context, ifMatch),
    activatePromotion: (promotionId: string, context: CommandContext) =>
      run(promotionId, { type: 'ActivatePromotion', data: { promotionId } }, context),
    pausePromotion: (promotionId: string, context: CommandContext) =>
      run(promotionId, { type: 'PausePromotion', data: { promotionId } }, context),
    expirePromotion: (
      input: { promotionId: string; reason: 'window_closed' | 'units_sold_out' | 'ended_by_staff' },
      context: CommandContext,
    ) => run(input.promotionId, { type: 'ExpirePromotion', data: input }, context),
    archivePromotion: (promotionId: string, context: CommandContext) =>
      run(promotionId, { type: 'ArchivePromotion', data: { promotionId } }, context),
  };
}

export type PromotionHandlers = ReturnType<typeof promotionHandlers>;

async function createPromotion(
  runtime: CommandRuntime,
  input: { promotionId: string; definition: PromotionDefinition },
  context: CommandContext,
): Promise<CommandResult> {
  const stream = promotionStream(input.promotionId);
  const earlier = await earlierRun(runtime.store, stream, context);
  if (earlier) return earlier;
  const create: CreatePromotion = { type: 'CreatePromotion', data: input };
  // A malformed promotion is refused before anything (a lone code claim) is appended.
  promotionDecider.decide(create, promotionDecider.initialState());
  const { codes } = validateDefinition(input.definition);
  if (codes.mode !== 'shared')
    return toResult(await handleCommand(runtime, promotionDecider, stream, create, context));
  const claimStream = couponStream(codes.code);
  const claim: ClaimCode = {
    type: 'ClaimCode',
    data: { code: codes.code, promotionId: input.promotionId, generationId: null, singleUse: false },
  };
  const outcome = await runCommand(
    runtime,
    {
      keys: [claimStream, stream],
      contention: 'normal',
      plan: async (load) => {
        promotionDecider.decide(create, await load<PromotionState>(stream, asStepDecider(promotionDecider)));
        // A taken code is refused on what the store holds, naming the promotion that holds it.
        codeClaimDecider.decide(
          claim,
          await load<CodeClaimState>(claimStream, asStepDecider(codeClaimDecider)),
        );
        return [
          {
            stream: claimStream,
            decider: asStepDecider(codeClaimDecider),
            command: claim,
            // Without atomic appends the claim goes first; a promotion then refused gives it back.
            compensate: () => ({
              type: 'ReleaseCode',
              data: { code: codes.code, promotionId: input.promotionId },
            }),
          },
          { stream, decider: asStepDecider(promotionDecider), command: create },
        ];
      },
    },
    context,
  );
  return {
    events: outcome.events.get(stream) ?? [],
    revision: outcome.revisions.get(stream) ?? null,
    position: outcome.position,
  };
}
